package chat.client;

import static org.junit.jupiter.api.Assertions.fail;

import chat.dto.Message;
import chat.dto.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Hears a connection as its user would: every state it passes through, and every message it hands on. */
final class Recorder implements ChatConnection.Listener {

  private static final Duration WAIT = Duration.ofSeconds(30);

  final List<Message> messages = new CopyOnWriteArrayList<>();
  final List<ConnectionState> states = new CopyOnWriteArrayList<>();
  /** The messages dropped as repeats (see {@link ChatConnection.Listener#onRepeated}). */
  final List<Message> repeated = new CopyOnWriteArrayList<>();
  /** What the connection got over by itself (see {@link ChatConnection.Listener#onRetried}). */
  final List<String> retried = new CopyOnWriteArrayList<>();
  private final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();

  @Override
  public void onFrame(ServerFrame frame) {
    if (frame instanceof ServerFrame.RoomJoined joined) {
      messages.addAll(joined.history());
    } else if (frame instanceof ServerFrame.ChatMessagePosted posted) {
      messages.add(posted.message());
    } else if (frame instanceof ServerFrame.DirectMessagePosted posted) {
      messages.add(posted.message());
    } else if (frame instanceof ServerFrame.MessageUpdated updated) {
      messages.replaceAll(m -> m.id() == updated.message().id() ? updated.message() : m);
    } else if (frame instanceof ServerFrame.MessageDeleted deleted) {
      messages.removeIf(m -> m.id() == deleted.id());
    }
    frames.add(frame);
  }

  @Override
  public void onState(ConnectionState state) {
    states.add(state);
  }

  @Override
  public void onRepeated(Message message) {
    repeated.add(message);
  }

  @Override
  public void onRetried(String error) {
    retried.add(error);
  }

  ConnectionState state() {
    return states.isEmpty() ? null : states.get(states.size() - 1);
  }

  /** The next frame of {@code type}, skipping others. */
  <F extends ServerFrame> F next(Class<F> type) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        ServerFrame frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (frame == null) {
          return fail("no " + type.getSimpleName() + " within " + WAIT);
        }
        if (type.isInstance(frame)) {
          return type.cast(frame);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the connection is in a state of {@code type}, and returns it. */
  <S extends ConnectionState> S awaitState(Class<S> type) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (type.isInstance(state())) {
        return type.cast(state());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return fail("never " + type.getSimpleName() + "; states were " + states);
  }

  List<String> texts() {
    return messages.stream().map(Message::text).toList();
  }
}
