package chat.bots;

import chat.client.Backoff;
import chat.client.Channel;
import chat.client.ChatApi;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.dto.Message;
import chat.dto.ServerFrame;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One user of the run: a client-core connection, so it reconnects, resumes with {@code after} and
 * resends under its clientIds as a real user's client does. It counts what it hears: its own messages
 * coming back (acknowledgements) and the others' (deliveries), each at most once. With the scenario's
 * habits it also marks read and types, as the apps do.
 */
final class Bot implements ChatConnection.Listener {

  private final String run;
  private final int index;
  private final Map<String, Integer> roomSizes;
  private final String friend;
  private final Scenario.Habits habits;
  private final Tally tally;
  private final LongSupplier clockMicros;
  private final CountDownLatch ready;
  private final AtomicLong sequence = new AtomicLong();
  /** Per sender, the sequence numbers heard: touched only on this bot's event loop. */
  private final Map<Integer, BitSet> heard = new HashMap<>();
  /** Per channel, the newest seq heard and not yet marked read: touched only on this bot's event loop. */
  private final Map<Channel, Long> unmarked = new HashMap<>();
  private ScheduledFuture<?> marking;
  private int joinsAwaited;
  private boolean welcomedBefore;
  private Runnable welcomed = () -> {};
  private ChatConnection connection;

  /**
   * {@code roomSizes}: the rooms this bot is in and how many members each has; {@code friend}: the user it
   * exchanges direct messages with, or null; {@code ready} counts down once the bot is connected and in
   * all of its rooms.
   */
  Bot(
      String run,
      int index,
      Map<String, Integer> roomSizes,
      String friend,
      Scenario.Habits habits,
      Tally tally,
      LongSupplier clockMicros,
      CountDownLatch ready) {
    this.run = run;
    this.index = index;
    this.roomSizes = roomSizes;
    this.friend = friend;
    this.habits = habits;
    this.tally = tally;
    this.clockMicros = clockMicros;
    this.ready = ready;
    this.joinsAwaited = roomSizes.size();
  }

  /**
   * Opens the bot's socket and joins its rooms; {@code welcomed} runs once the server first welcomed it
   * (the run opens a bounded number of sockets at a time).
   */
  void connect(ChatApi api, String token, ScheduledExecutorService loop, Runnable welcomed) {
    this.welcomed = welcomed;
    connection = new ChatConnection(api, token, Backoff.standard(), this, loop);
    if (friend != null) {
      // A reconnect catches up on the conversation even before its first message of this run came.
      List<Message> newest = api.directMessages(friend, ChatApi.Page.newest());
      connection.follow(friend, newest.isEmpty() ? 0 : newest.get(newest.size() - 1).seq());
    }
    connection.start();
    roomSizes.keySet().forEach(connection::join);
    if (habits.markRead()) {
      // Spread over the second, so that the bots' markers do not all arrive at once.
      long first = ThreadLocalRandom.current().nextLong(1_000);
      marking = loop.scheduleAtFixedRate(this::markRead, first, 1_000, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends one message to {@code room}, stamped now. */
  void send(String room, int size) {
    if (habits.typeFirst()) {
      connection.typing(Channel.room(room));
    }
    Payload payload = new Payload(run, index, sequence.getAndIncrement(), clockMicros.getAsLong());
    connection.send(room, payload.text(size));
  }

  /** Sends one direct message to {@code username}, stamped now. */
  void sendDirect(String username, int size) {
    if (habits.typeFirst()) {
      connection.typing(Channel.direct(username));
    }
    Payload payload = new Payload(run, index, sequence.getAndIncrement(), clockMicros.getAsLong());
    connection.sendDirect(username, payload.text(size));
  }

  /** Drops the socket as a failing network would; the connection resumes by itself. */
  void reconnect() {
    connection.reconnect();
  }

  void close() {
    if (marking != null) {
      marking.cancel(false);
    }
    if (connection != null) {
      connection.close();
    }
  }

  ConnectionState state() {
    return connection == null ? new ConnectionState.Connecting(1) : connection.state();
  }

  @Override
  public void onFrame(ServerFrame frame) {
    if (frame instanceof ServerFrame.ChatMessagePosted posted) {
      heard(posted.message());
    } else if (frame instanceof ServerFrame.DirectMessagePosted posted) {
      heard(posted.message());
    } else if (frame instanceof ServerFrame.RoomJoined joined) {
      joined.history().forEach(this::heard);
      if (joinsAwaited > 0 && --joinsAwaited == 0) {
        ready.countDown();
      }
    } else if (frame instanceof ServerFrame.Typing) {
      tally.heardTyping();
    } else if (frame instanceof ServerFrame.RequestFailed failed) {
      tally.refused(failed.code());
    }
  }

  @Override
  public void onRetried(String error) {
    tally.retried(error);
  }

  @Override
  public void onRepeated(Message message) {
    if (Payload.of(message.text(), run).isPresent()) {
      tally.repeated();
    }
  }

  @Override
  public void onState(ConnectionState state) {
    if (state instanceof ConnectionState.Connected) {
      if (welcomedBefore) {
        tally.reconnected();
        return;
      }
      welcomedBefore = true;
      welcomed.run();
      if (joinsAwaited == 0) {
        ready.countDown(); // in no room: ready once welcomed
      }
    }
  }

  /** Up to the newest message heard in each channel since the last time. */
  private void markRead() {
    unmarked.forEach(
        (channel, seq) -> {
          connection.markRead(channel, seq);
          tally.markedRead();
        });
    unmarked.clear();
  }

  private void heard(Message message) {
    Payload payload = Payload.of(message.text(), run).orElse(null);
    if (payload == null) {
      return; // not this run's: someone else in the room, or an earlier run
    }
    long latency = clockMicros.getAsLong() - payload.sentMicros();
    if (habits.markRead()) {
      unmarked.merge(message.room() != null ? Channel.room(message.room()) : Channel.direct(friend), message.seq(), Math::max);
    }
    if (payload.sender() == index) {
      tally.acknowledged(latency, message.room() == null ? 1 : roomSizes.getOrDefault(message.room(), 1) - 1);
      return;
    }
    BitSet seen = heard.computeIfAbsent(payload.sender(), s -> new BitSet());
    int bit = (int) payload.sequence();
    if (seen.get(bit)) {
      tally.duplicate();
    } else {
      seen.set(bit);
      tally.received(latency);
    }
  }
}
