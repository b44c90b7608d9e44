package chat.server.socket;

import chat.dto.User;
import chat.server.account.Tokens;
import chat.server.room.RoomRef;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One socket of this node. Sends are asynchronous with one frame in flight; the rest wait in a queue
 * bounded in bytes (frames range from a few bytes to hundreds of kilobytes), and a client that lets it
 * fill is closed rather than allowed to hold memory or anyone else up.
 * While the socket loads a room's history, that room's live frames are held back and released after
 * the history, minus what it already holds: no gap and no duplicate between history and live frames.
 */
final class ClientSocket {

  private static final Logger LOG = Logger.getLogger(ClientSocket.class.getName());

  private final Session session;
  /** Replaced when the user's profile changes, so what the socket sends carries the new one. */
  private volatile User user;
  private final String address;
  private final int tokenVersion;
  private final long tokenExpiresEpochSecond;
  private final RemoteEndpoint.Async remote;
  /** Most characters waiting for this client, the frame in flight included (JSON is mostly ASCII: bytes). */
  private final int maxPendingChars;
  private final SendHandler afterSend = this::afterSend;
  /** When the client last sent a frame, in {@link System#nanoTime()}; see {@link IdleSockets}. */
  private volatile long lastHeard = System.nanoTime();

  /** Guarded by this. Allocated on first use: most sockets are idle most of the time. */
  private ArrayDeque<String> queued;
  /** Guarded by this: the length of the frame in flight plus those queued behind it. */
  private long pendingChars;
  private int inFlightChars;
  private boolean sending;
  private boolean closed;
  /** Set when the socket is to close once what is queued has gone out. */
  private CloseReason closeWhenSent;
  private Map<Long, List<HeldFrame>> joining;

  /** Rooms this socket is in, by lower-cased name; touched only by the socket's own frames. */
  private final Map<String, RoomRef> rooms = new HashMap<>(4);

  /**
   * Whom this socket's user blocks: their messages are dropped here. Replaced whole on the rare change
   * (copy on write), so delivery reads it without a lock; most users block nobody and share one empty set.
   */
  private volatile Set<Long> blocked = Set.of();
  /** Guarded by this; null once the socket has read whom its user blocks. */
  private List<BlockChange> changesWhileReading = new ArrayList<>(0);
  /** Messages refused in a row for the rate limit; touched only by the socket's own frames. */
  private int refusedForFlooding;

  private record HeldFrame(long messageId, String frame) {}

  ClientSocket(Session session, Tokens.Valid token, String address, int maxPendingChars) {
    this.session = session;
    this.user = token.user();
    this.tokenVersion = token.version();
    this.tokenExpiresEpochSecond = token.expiresEpochSecond();
    this.address = address;
    this.remote = session.getAsyncRemote();
    this.maxPendingChars = maxPendingChars;
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

  synchronized boolean isClosed() {
    return closed;
  }

  /** Counts a message refused for the rate limit; answers how many in a row. */
  int countRateRefusal() {
    return ++refusedForFlooding;
  }

  void withinRate() {
    refusedForFlooding = 0;
  }

  boolean blocks(long userId) {
    return userId != 0 && blocked.contains(userId);
  }

  /**
   * Sets whom the user blocks, as read when the socket opened. Changes that arrived while it was being
   * read are applied again on top: they committed after the socket registered, so they are at least as
   * new as what was read.
   */
  synchronized void blocked(Set<Long> userIds) {
    Set<Long> now = new HashSet<>(userIds);
    changesWhileReading.forEach(change -> change.applyTo(now));
    changesWhileReading = null;
    blocked = Set.copyOf(now);
  }

  synchronized void blockChanged(long userId, boolean nowBlocked) {
    BlockChange change = new BlockChange(userId, nowBlocked);
    if (changesWhileReading != null) {
      changesWhileReading.add(change);
    }
    Set<Long> changed = new HashSet<>(blocked);
    change.applyTo(changed);
    blocked = Set.copyOf(changed);
  }

  private record BlockChange(long userId, boolean blocked) {
    void applyTo(Set<Long> userIds) {
      if (blocked) {
        userIds.add(userId);
      } else {
        userIds.remove(userId);
      }
    }
  }

  String id() {
    return session.getId();
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

  Collection<RoomRef> rooms() {
    return new ArrayList<>(rooms.values());
  }

  /** From now until {@link #joined}, frames for this room are held back. */
  synchronized void joining(long roomId) {
    if (joining == null) {
      joining = new HashMap<>(2);
    }
    joining.put(roomId, new ArrayList<>());
  }

  /**
   * Sends the room's {@code room_joined}, then what was held back during the join, except messages the
   * history already held ({@code lastHistoryId} and below).
   */
  synchronized void joined(long roomId, long lastHistoryId, String roomJoined) {
    List<HeldFrame> held = joining == null ? List.of() : joining.remove(roomId);
    if (joining != null && joining.isEmpty()) {
      joining = null;
    }
    send(roomJoined);
    for (HeldFrame frame : held == null ? List.<HeldFrame>of() : held) {
      if (frame.messageId() == 0 || frame.messageId() > lastHistoryId) {
        send(frame.frame());
      }
    }
  }

  /** The join failed: what was held back is dropped with it. */
  synchronized void joinFailed(long roomId) {
    if (joining != null) {
      joining.remove(roomId);
      if (joining.isEmpty()) {
        joining = null;
      }
    }
  }

  /** A frame for a room this socket is in. */
  synchronized void deliver(long roomId, long messageId, String frame) {
    List<HeldFrame> held = joining == null ? null : joining.get(roomId);
    if (held != null) {
      held.add(new HeldFrame(messageId, frame));
    } else {
      send(frame);
    }
  }

  synchronized void send(String frame) {
    if (closed || closeWhenSent != null) {
      return;
    }
    if (!sending) {
      sending = true;
      inFlightChars = frame.length();
      pendingChars = inFlightChars;
      transmit(frame, afterSend);
      return;
    }
    if (pendingChars + frame.length() > maxPendingChars) {
      queued = null;
      pendingChars = 0;
      close(new CloseReason(CloseCodes.TOO_SLOW, "too slow: over " + maxPendingChars + " bytes waiting"));
      return;
    }
    if (queued == null) {
      queued = new ArrayDeque<>();
    }
    queued.add(frame);
    pendingChars += frame.length();
  }

  private void afterSend(SendResult result) {
    String next;
    synchronized (this) {
      if (!result.isOK()) {
        closed = true;
        queued = null;
        return;
      }
      pendingChars -= inFlightChars;
      next = queued == null ? null : queued.poll();
      if (next == null) {
        sending = false;
        queued = null;
        inFlightChars = 0;
        if (closeWhenSent == null) {
          return;
        }
      } else {
        inFlightChars = next.length();
      }
    }
    if (next == null) {
      close(closeWhenSent);
      return;
    }
    transmit(next, afterSend);
  }

  /**
   * Hands a frame to the container. Tyrus throws, rather than failing the send, when the socket closed
   * between our check and its own; deliveries to a room go socket by socket on one thread, so a throw
   * here would cost every member after this one the message. The socket is closed for good instead.
   */
  private void transmit(String frame, SendHandler handler) {
    try {
      remote.sendText(frame, handler);
    } catch (RuntimeException closedUnderneath) {
      synchronized (this) {
        closed = true;
        queued = null;
        pendingChars = 0;
      }
      LOG.log(Level.FINE, "socket " + session.getId() + " closed under a send", closedUnderneath);
    }
  }

  /** Sends a last frame, then closes once it and everything queued before it are out. */
  void sendThenClose(String frame, CloseReason reason) {
    boolean idle;
    synchronized (this) {
      if (closed) {
        return;
      }
      send(frame);
      closeWhenSent = reason;
      idle = !sending;
    }
    if (idle) {
      close(reason);
    }
  }

  /**
   * Ends the socket now, whatever is waiting for the client: the queue is dropped, and the last frame
   * goes out only if nothing is stuck in flight ahead of it (a client that stopped reading gets just the
   * close).
   */
  void closeNow(String lastFrame, CloseReason reason) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queued = null;
      pendingChars = 0;
      if (!sending) {
        sending = true;
        transmit(lastFrame, result -> {});
      }
    }
    close(reason);
  }

  void close(CloseReason reason) {
    synchronized (this) {
      closed = true;
    }
    try {
      session.close(reason);
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "closing socket " + session.getId(), e);
    }
  }
}
