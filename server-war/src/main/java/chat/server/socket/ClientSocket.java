package chat.server.socket;

import chat.dto.User;
import chat.server.account.Tokens;
import chat.server.room.RoomRef;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One socket of this node: whose it is (the user, the address and the token it opened with), the
 * rooms it is in, and what it delivers, through three parts: {@link SendQueue} (what the client has yet
 * to be sent), {@link JoinHoldBack} (live frames of a room whose history is loading) and
 * {@link BlockedUsers} (whose messages are dropped here).
 */
final class ClientSocket {

  private static final long TYPING_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** A client typing in more channels than this within a second starts the count over. */
  private static final int TYPING_CHANNELS_KEPT = 16;
  /** Of the rooms a welcome names, this many are rejoined without the joins rate (docs/protocol.md). */
  private static final int REJOINS_FREE = 100;

  private final Session session;
  /** Replaced when the user's profile changes, so what the socket sends carries the new one. */
  private volatile User user;
  private final String address;
  private final int tokenVersion;
  private final long tokenExpiresEpochSecond;
  /** When the client last sent a frame, in {@link System#nanoTime()}; see {@link IdleSockets}. */
  private volatile long lastHeard = System.nanoTime();
  private final SendQueue sendQueue;
  /** Guarded by this, with what it releases into the send queue. */
  private final JoinHoldBack holdBack = new JoinHoldBack();
  private final BlockedUsers blocked = new BlockedUsers();
  /**
   * Rooms this socket is in, by lower-cased name; changed by the socket's own frames, and by the end
   * of the user's membership on another device ({@link RoomMembership#ended}).
   */
  private final Map<String, RoomRef> rooms = new ConcurrentHashMap<>(4);
  /** Messages refused in a row for the rate limit; touched only by the socket's own frames. */
  private int refusedForFlooding;
  /** When each channel's last typing notice was passed on, made on the first; the socket's own frames'. */
  private Map<String, Long> typingPassedOn;
  /**
   * The rooms of the welcome this socket may still join without the joins rate, lower-cased (a client
   * rejoining the user's rooms as it connects); null once none are left.
   */
  private volatile Set<String> rejoinsLeft;

  ClientSocket(
      Session session,
      Tokens.Valid token,
      String address,
      int maxPendingChars,
      boolean framesPerLine,
      Runnable overflowed) {
    this.session = session;
    this.user = token.user();
    this.tokenVersion = token.version();
    this.tokenExpiresEpochSecond = token.expiresEpochSecond();
    this.address = address;
    this.sendQueue = new SendQueue(session, maxPendingChars, framesPerLine, overflowed);
  }

  String id() {
    return session.getId();
  }

  void heard() {
    lastHeard = System.nanoTime();
  }

  boolean silentSince(long nanoTime) {
    return lastHeard - nanoTime < 0;
  }

  User user() {
    return user;
  }

  /** The user's profile changed; {@code current} is the same user as this node now knows them. */
  void profileChanged(User current) {
    user = current;
  }

  /** Whether the token the socket opened with has been ended since (its account's version rose). */
  boolean tokenEndedBy(int accountTokenVersion) {
    return tokenVersion < accountTokenVersion;
  }

  boolean tokenExpiredAt(long epochSecond) {
    return tokenExpiresEpochSecond <= epochSecond;
  }

  /** The client's address as the handshake established it. */
  String address() {
    return address;
  }

  /** Counts a message refused for the rate limit; answers how many in a row. */
  int countRateRefusal() {
    return ++refusedForFlooding;
  }

  void withinRate() {
    refusedForFlooding = 0;
  }

  /**
   * Whether a typing notice for {@code channel} goes on: one a second per channel at most, whatever
   * the client sends (docs/protocol.md, "Your channels").
   */
  boolean passesTypingOn(String channel) {
    long now = System.nanoTime();
    if (typingPassedOn == null) {
      typingPassedOn = new HashMap<>(2);
    }
    Long last = typingPassedOn.get(channel);
    if (last != null && now - last < TYPING_EVERY_NANOS) {
      return false;
    }
    if (typingPassedOn.size() >= TYPING_CHANNELS_KEPT) {
      typingPassedOn.clear();
    }
    typingPassedOn.put(channel, now);
    return true;
  }

  boolean blocks(long userId) {
    return blocked.contains(userId);
  }

  /** Whom the user blocks, as read when the socket opened (see {@link BlockedUsers#read}). */
  void blocked(Set<Long> userIds) {
    blocked.read(userIds);
  }

  void blockChanged(long userId, boolean nowBlocked) {
    blocked.changed(userId, nowBlocked);
  }

  /** The user's rooms, as the welcome names them: the first {@link #REJOINS_FREE} may be rejoined freely. */
  void mayRejoin(List<String> memberOf) {
    if (!memberOf.isEmpty()) {
      Set<String> free = new HashSet<>();
      memberOf.stream().limit(REJOINS_FREE).forEach(room -> free.add(room.toLowerCase(Locale.ROOT)));
      rejoinsLeft = free;
    }
  }

  /** Whether joining {@code name} rejoins one of the welcome's rooms, which it then no longer may. */
  boolean takesRejoin(String name) {
    Set<String> free = rejoinsLeft;
    if (free == null || name == null) {
      return false;
    }
    boolean taken = free.remove(name.strip().toLowerCase(Locale.ROOT));
    if (free.isEmpty()) {
      rejoinsLeft = null;
    }
    return taken;
  }

  RoomRef room(String name) {
    return name == null ? null : rooms.get(name.toLowerCase(Locale.ROOT));
  }

  void entered(RoomRef room) {
    rooms.put(room.name().toLowerCase(Locale.ROOT), room);
  }

  void left(RoomRef room) {
    rooms.remove(room.name().toLowerCase(Locale.ROOT));
  }

  /** The room of that id this socket is in, or null. */
  RoomRef room(long roomId) {
    for (RoomRef room : rooms.values()) {
      if (room.id() == roomId) {
        return room;
      }
    }
    return null;
  }

  Collection<RoomRef> rooms() {
    return new ArrayList<>(rooms.values());
  }

  /** From now until {@link #joined}, frames for this room are held back. */
  synchronized void joining(long roomId) {
    holdBack.start(roomId);
  }

  /**
   * Sends the room's {@code room_joined}, then what was held back during the join, except messages the
   * history already held ({@code lastHistoryId} and below).
   */
  synchronized void joined(long roomId, long lastHistoryId, String roomJoined) {
    // Under the queue's lock too, so that no other thread's frame lands among them (the lock order
    // everywhere is this socket's, then its queue's).
    synchronized (sendQueue) {
      sendQueue.queue(roomJoined);
      holdBack.release(roomId, lastHistoryId).forEach(sendQueue::queue);
      sendQueue.flush();
    }
  }

  /** The join failed: what was held back is dropped with it. */
  synchronized void joinFailed(long roomId) {
    holdBack.drop(roomId);
  }

  /** Queues a frame for a room this socket is in, unless the room's history is loading (see {@link #queue}). */
  synchronized void deliver(long roomId, long messageId, String frame) {
    if (!holdBack.hold(roomId, messageId, frame)) {
      sendQueue.queue(frame);
    }
  }

  boolean isClosed() {
    return sendQueue.isClosed();
  }

  /** Sends a frame now, or as soon as what is in flight has gone. */
  void send(String frame) {
    sendQueue.send(frame);
  }

  /**
   * Queues a frame without sending it: the caller has more for this socket, and calls {@link #flush}
   * after the last, so that a client that takes several frames a message gets them in one.
   */
  void queue(String frame) {
    sendQueue.queue(frame);
  }

  void flush() {
    sendQueue.flush();
  }

  /** Sends a last frame, then closes once it and everything queued before it are out. */
  void sendThenClose(String frame, CloseReason reason) {
    sendQueue.sendThenClose(frame, reason);
  }

  /** Ends the socket now, whatever is waiting for the client (see {@link SendQueue#closeNow}). */
  void closeNow(String lastFrame, CloseReason reason) {
    sendQueue.closeNow(lastFrame, reason);
  }

  void close(CloseReason reason) {
    sendQueue.close(reason);
  }
}
