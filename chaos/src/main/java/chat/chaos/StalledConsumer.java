package chat.chaos;

import chat.client.Backoff;
import chat.client.ChatApi;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.InvalidJsonException;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.WireJson;
import chat.testing.Pause;
import chat.testing.RawWebSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A member of every room the bots talk in who stops reading its socket (sending only pings, so that it
 * is not taken for gone) until its node gives up on it: more than {@code CHAT_SEND_QUEUE_BYTES} waited
 * for it, and the node closes it with 4008 (its {@code chat_sockets_too_slow} count says so; the close
 * frame, behind all that was not read, may not reach the consumer, which the contract allows). Before the queue, the node's kernel takes in what is not read,
 * up to its socket's send buffer, which Linux grows to 4 MB: so that the stall lasts seconds and not
 * minutes, a talker in a room of their own sends it long messages meanwhile, a load nobody else gets. It then reads what had reached it, connects again, rejoins
 * each room with {@code afterSeq} as the contract says, fetches over REST what a catch-up cut short,
 * and must end up with every message of those rooms from its first join on. Written over a raw socket
 * with a small receive buffer, so that what it does not read stays in the node's queue; it stalls on a
 * node directly, since a balancer in between would take in megabytes of what it does not read (HAProxy's
 * buffers and its sockets' to both sides), and resumes through the balancer, as a client does.
 */
final class StalledConsumer {

  /** How long the node may take to give up on it: the queue fills at the bots' rate in seconds. */
  private static final Duration OVERFLOW_LIMIT = Duration.ofMinutes(2);
  private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
  private static final int SMALL_RECEIVE_BUFFER = 4096;
  private static final int HISTORY_PAGE = 200;
  /** The talker's pace and length: about 200 KB a second for the stalled consumer. */
  private static final Duration TALKER_PACE = Duration.ofMillis(10);
  private static final int LONG_TEXT = 1900;

  private final URI node;
  private final URI balancer;
  private final Authenticated user;
  private final List<String> rooms;
  private final ChatApi api;
  /** The seq each room had when it was first joined: every later one must arrive. */
  private final Map<String, Long> joinedAt = new HashMap<>();
  private final Map<String, NavigableSet<Long>> seen = new HashMap<>();

  private final Authenticated talker;

  StalledConsumer(URI node, URI balancer, Authenticated user, Authenticated talker, List<String> busyRooms) {
    this.node = node;
    this.balancer = balancer;
    this.user = user;
    this.talker = talker;
    this.api = ChatApi.of(balancer).as(user.token());
    String loud = api.createRoom("chaos-loud-" + System.nanoTime() % 1_000_000).name();
    this.rooms = new ArrayList<>(busyRooms);
    this.rooms.add(loud);
    rooms.forEach(room -> seen.put(room, new ConcurrentSkipListSet<>()));
  }

  /** Stalls until closed, resumes, and says what happened; throws if the close or the resume failed. */
  String stallAndResume() {
    try {
      Instant started = Instant.now();
      int closedWith;
      long framesAfterStall;
      try (RawWebSocket stalled = RawWebSocket.connect(node, user.token(), SMALL_RECEIVE_BUFFER)) {
        joinAll(stalled, true);
        long tooSlowBefore = tooSlow();
        try (Talker talking = new Talker(rooms.getLast())) {
          awaitClosedForBeingSlow(stalled, tooSlowBefore);
        }
        framesAfterStall = readUntilClosed(stalled);
        closedWith = stalled.closeCode();
      }
      Duration stalledFor = Duration.between(started, Instant.now());
      // The close frame is the last of what it did not read: it may not get through (the contract's 1006).
      if (closedWith != 4008 && closedWith != RawWebSocket.ABNORMAL_CLOSURE) {
        throw new IllegalStateException("the stalled consumer was closed with " + closedWith);
      }
      List<String> missing;
      try (RawWebSocket resumed = RawWebSocket.connect(balancer, user.token(), 65536)) {
        joinAll(resumed, false);
        missing = awaitEveryMessage(resumed);
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("the stalled consumer resumed but missed " + missing);
      }
      long total = seen.values().stream().mapToLong(NavigableSet::size).sum();
      return String.format(
          "the node closed the stalled consumer for reading too slowly after %d s (4008; the consumer, "
              + "reading again, got %d frames and then %s), which resumed with afterSeq and missed none of "
              + "the %d messages of its %d rooms since it joined",
          stalledFor.toSeconds(), framesAfterStall, closedWith == 4008 ? "the close frame" : "the connection's end",
          total, rooms.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Joins every room: the first time after the message it has now (read over REST), so that little is
   * read before the stall (a history read at full speed would grow the node's socket buffers, which
   * then take in what is not read before its queue does); after that from what it has.
   */
  private void joinAll(RawWebSocket socket, boolean first) throws IOException {
    await(socket, ServerFrame.Welcome.class);
    for (String room : rooms) {
      if (first) {
        List<Message> newest = api.roomMessages(room, ChatApi.Page.newest());
        joinedAt.put(room, newest.isEmpty() ? 0 : newest.getLast().seq());
      }
      long afterSeq = first ? joinedAt.get(room) : completeThrough(room);
      socket.sendText(WireJson.toJson(new ClientFrame.JoinRoom(room, afterSeq, null)));
      ServerFrame.RoomJoined joined = await(socket, ServerFrame.RoomJoined.class);
      List<Message> history = joined.history();
      history.forEach(message -> see(room, message));
      if (Boolean.TRUE.equals(joined.more())) {
        fetchAfter(room, history.isEmpty() ? afterSeq : history.getLast().seq());
      }
    }
  }

  /** Pings but reads nothing, until the node says it closed a socket for reading too slowly (4008). */
  private void awaitClosedForBeingSlow(RawWebSocket stalled, long tooSlowBefore) throws IOException {
    Instant deadline = Instant.now().plus(OVERFLOW_LIMIT);
    while (tooSlow() == tooSlowBefore) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the node kept a consumer that read nothing for " + OVERFLOW_LIMIT);
      }
      stalled.sendText(WireJson.toJson(new ClientFrame.Ping()));
      Pause.of(Duration.ofSeconds(1));
    }
  }

  /** How many sockets the node has closed for reading too slowly. */
  private long tooSlow() {
    return NodeMetrics.counter(node, "chat_sockets_too_slow");
  }


  private long readUntilClosed(RawWebSocket socket) throws IOException {
    long frames = 0;
    for (Optional<String> text = socket.nextText(); text.isPresent(); text = socket.nextText()) {
      frames++;
      heard(text.get());
    }
    return frames;
  }

  /**
   * Reads live messages as a client does, pinging once a second and filling over REST, once a second,
   * a gap its seqs show (messages from other nodes arrive out of order), until it has every message the
   * rooms' stored histories held after their first join when it looked, once resumed (the bots go on
   * sending: what is stored later is on its way); what is still missing ({@code room:seq}) when the
   * limit passes.
   */
  private List<String> awaitEveryMessage(RawWebSocket socket) throws IOException {
    Instant deadline = Instant.now().plus(CATCH_UP_LIMIT);
    Instant lastLook = Instant.now();
    List<String> missing = missing();
    while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
      Optional<String> text = socket.nextText();
      if (text.isEmpty()) {
        throw new IllegalStateException("the resumed consumer was closed with " + socket.closeCode());
      }
      heard(text.get());
      if (Duration.between(lastLook, Instant.now()).compareTo(Duration.ofSeconds(1)) >= 0) {
        lastLook = Instant.now();
        socket.sendText(WireJson.toJson(new ClientFrame.Ping()));
        for (String room : rooms) {
          if (!seen.get(room).isEmpty() && completeThrough(room) < seen.get(room).last()) {
            fetchAfter(room, completeThrough(room));
          }
        }
        missing.removeIf(this::hasSeen);
      }
    }
    return missing;
  }

  private boolean hasSeen(String roomAndSeq) {
    int colon = roomAndSeq.lastIndexOf(':');
    return seen.get(roomAndSeq.substring(0, colon)).contains(Long.parseLong(roomAndSeq.substring(colon + 1)));
  }

  /** What the rooms' stored histories hold after the first join that has not reached this consumer. */
  private List<String> missing() {
    List<String> missing = new ArrayList<>();
    for (String room : rooms) {
      for (Message message : storedAfter(room, joinedAt.get(room))) {
        if (!seen.get(room).contains(message.seq())) {
          missing.add(room + ":" + message.seq());
        }
      }
    }
    return missing;
  }

  private void fetchAfter(String room, long seq) {
    storedAfter(room, seq).forEach(message -> see(room, message));
  }

  /** Every message the room has stored after {@code seq}, page by page over REST. */
  private List<Message> storedAfter(String room, long seq) {
    List<Message> stored = new ArrayList<>();
    long after = seq;
    while (true) {
      List<Message> page = api.roomMessages(room, ChatApi.Page.afterSeq(after, HISTORY_PAGE));
      stored.addAll(page);
      if (page.size() < HISTORY_PAGE) {
        return stored;
      }
      after = page.getLast().seq();
    }
  }

  /** The seq up to which the room has reached it without a gap, from its first join. */
  private long completeThrough(String room) {
    long through = joinedAt.get(room);
    NavigableSet<Long> seqs = seen.get(room);
    while (seqs.contains(through + 1)) {
      through++;
    }
    return through;
  }

  /** The talker: long messages into the loud room at its pace, on client-core, until closed. */
  private final class Talker implements AutoCloseable {

    private final ChatConnection connection;
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();

    Talker(String room) {
      connection =
          new ChatConnection(
              ChatApi.of(balancer).as(talker.token()),
              talker.token(),
              Backoff.standard(),
              new ChatConnection.Listener() {
                @Override
                public void onFrame(ServerFrame frame) {}

                @Override
                public void onState(ConnectionState state) {}
              });
      connection.start();
      connection.join(room);
      String text = "x".repeat(LONG_TEXT);
      pace.scheduleAtFixedRate(
          () -> connection.send(room, text), 0, TALKER_PACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      pace.shutdownNow();
      connection.close();
    }
  }

  private <T extends ServerFrame> T await(RawWebSocket socket, Class<T> type) throws IOException {
    for (Optional<String> text = socket.nextText(); text.isPresent(); text = socket.nextText()) {
      ServerFrame frame = heard(text.get());
      if (type.isInstance(frame)) {
        return type.cast(frame);
      }
    }
    throw new IllegalStateException("closed with " + socket.closeCode() + " before " + type.getSimpleName());
  }

  private ServerFrame heard(String text) {
    ServerFrame frame;
    try {
      frame = WireJson.readServerFrame(text);
    } catch (InvalidJsonException unknown) {
      return null;
    }
    if (frame instanceof ServerFrame.ChatMessagePosted posted && seen.containsKey(posted.message().room())) {
      see(posted.message().room(), posted.message());
    }
    return frame;
  }

  private void see(String room, Message message) {
    seen.get(room).add(message.seq());
  }
}
