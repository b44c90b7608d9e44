package chat.desktop;

import static chat.desktop.AppRobot.SOON;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Backoff;
import chat.client.ChatApi;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.dto.Authenticated;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.testing.Eventually;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Another user, as a client-core connection that records what it hears: a bot, as the load tool has them. */
final class Bot implements ChatConnection.Listener, AutoCloseable {

  final String name;
  final ChatApi api;
  final List<Message> messages = new CopyOnWriteArrayList<>();
  final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
  volatile ConnectionState state;
  ChatConnection connection;

  private Bot(String name, ChatApi api) {
    this.name = name;
    this.api = api;
  }

  /** A new user of that name on the node at {@code server}, connected. */
  static Bot signUp(URI server, String name) {
    ChatApi anonymous = ChatApi.of(server);
    Authenticated login = anonymous.signUp(name, "long-enough");
    Bot bot = new Bot(name, anonymous.as(login.token()));
    bot.connection = new ChatConnection(bot.api, login.token(), quickBackoff(), bot);
    bot.connection.start();
    bot.awaitState(ConnectionState.Connected.class);
    return bot;
  }

  /** Reconnects fast, so tests of a server going away do not wait for the real backoff. */
  static Backoff quickBackoff() {
    return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), new Random());
  }

  @Override
  public void close() {
    connection.close();
  }

  @Override
  public void onFrame(ServerFrame frame) {
    if (frame instanceof ServerFrame.ChatMessagePosted posted) {
      messages.add(posted.message());
    } else if (frame instanceof ServerFrame.RoomJoined joined) {
      messages.addAll(joined.history());
    }
    frames.add(frame);
  }

  @Override
  public void onState(ConnectionState now) {
    state = now;
  }

  List<String> texts() {
    return messages.stream().map(Message::text).toList();
  }

  <F extends ServerFrame> F next(Class<F> type) {
    return next(type, frame -> true);
  }

  /** The next frame of that type that {@code which} accepts, skipping the others. */
  <F extends ServerFrame> F next(Class<F> type, Predicate<F> which) {
    long deadline = System.nanoTime() + SOON.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        ServerFrame frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (type.isInstance(frame) && which.test(type.cast(frame))) {
          return type.cast(frame);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError(name + " heard no " + type.getSimpleName());
  }

  <S extends ConnectionState> S awaitState(Class<S> type) {
    Eventually.within(SOON, () -> assertTrue(type.isInstance(state), name + " is " + state));
    return type.cast(state);
  }
}
