package chat.server.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a socket has yet to send its client. Sends are asynchronous with one message in flight; frames
 * wait behind it in a queue bounded in bytes (frames range from a few bytes to hundreds of kilobytes),
 * and a client that lets it fill is closed rather than allowed to hold memory or anyone else up. A
 * client that asked for it gets every frame queued by then in one message, a line each
 * (docs/protocol.md, "WebSocket"): one write and one wake-up on each side however many frames
 * (decision 0020).
 */
final class SendQueue {

  private static final Logger LOG = Logger.getLogger(SendQueue.class.getName());
  /** Most characters of frames put in one WebSocket message: past this, the rest go in the next. */
  static final int MESSAGE_CHARS = 32 * 1024;

  private final Session session;
  private final RemoteEndpoint.Async remote;
  /** Whether the client takes several frames in one WebSocket message, a line each. */
  private final boolean framesPerLine;
  /** Most characters waiting for this client, the frame in flight included (JSON is mostly ASCII: bytes). */
  private final int maxPendingChars;
  private final SendHandler afterSend = this::afterSend;

  /** Guarded by this. Allocated on first use: most sockets are idle most of the time. */
  private ArrayDeque<String> queued;
  /** Guarded by this: the length of the message in flight plus the frames queued behind it. */
  private long pendingChars;
  private int inFlightChars;
  /** Guarded by this: the container holds a message of this socket's. */
  private boolean inFlight;
  /** Guarded by this: {@link #transmitQueued} is sending, on the thread that holds the lock. */
  private boolean transmitting;
  private boolean closed;
  /** Told when the queue overflows and the socket is closed for it. */
  private final Runnable overflowed;
  /** Set when the socket is to close once what is queued has gone out. */
  private CloseReason closeWhenSent;

  SendQueue(Session session, int maxPendingChars, boolean framesPerLine, Runnable overflowed) {
    this.session = session;
    this.overflowed = overflowed;
    this.remote = session.getAsyncRemote();
    this.maxPendingChars = maxPendingChars;
    this.framesPerLine = framesPerLine;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Sends a frame now, or as soon as what is in flight has gone. */
  synchronized void send(String frame) {
    queue(frame);
    flush();
  }

  /**
   * Queues a frame without sending it: the caller has more for this socket, and calls {@link #flush}
   * after the last, so that a client that takes several frames a message gets them in one.
   */
  synchronized void queue(String frame) {
    if (closed || closeWhenSent != null) {
      return;
    }
    if (pendingChars > 0 && pendingChars + frame.length() > maxPendingChars) {
      queued = null;
      pendingChars = 0;
      overflowed.run();
      close(new CloseReason(CloseCodes.TOO_SLOW, "too slow: over " + maxPendingChars + " bytes waiting"));
      return;
    }
    if (queued == null) {
      queued = new ArrayDeque<>();
    }
    queued.add(frame);
    pendingChars += frame.length();
  }

  /** Sends what is queued, unless a message is in flight: then its completion sends it. */
  synchronized void flush() {
    if (!inFlight && !closed) {
      transmitQueued();
    }
  }

  /**
   * Called with the lock held: while nothing is in flight, hands the container the next message, every
   * queued frame in it if the client takes several a message ({@link #MESSAGE_CHARS} at most, or one
   * larger frame alone); with nothing queued, closes the socket if that was asked for. A loop, not a
   * recursion: when the socket takes a message at once the container completes it on this thread, and
   * a client of one frame a message may have hundreds queued.
   */
  private void transmitQueued() {
    if (transmitting) {
      return; // a completion on this thread, inside the loop below: the loop goes on
    }
    transmitting = true;
    try {
      while (!inFlight && !closed) {
        String message = nextMessage();
        if (message == null) {
          queued = null;
          if (closeWhenSent != null) {
            close(closeWhenSent);
          }
          return;
        }
        inFlight = true;
        transmit(message, afterSend);
      }
    } finally {
      transmitting = false;
    }
  }

  /** Called with the lock held: takes the next message's frames off the queue, counted as in flight. */
  private String nextMessage() {
    String first = queued == null ? null : queued.poll();
    if (first == null) {
      return null;
    }
    inFlightChars = first.length();
    if (!framesPerLine || queued.isEmpty()) {
      return first;
    }
    StringBuilder lines = new StringBuilder(Math.min(MESSAGE_CHARS, first.length() * (queued.size() + 1)));
    lines.append(first);
    for (String next = queued.peek();
        next != null && lines.length() + 1 + next.length() <= MESSAGE_CHARS;
        next = queued.peek()) {
      lines.append('\n').append(queued.poll());
      inFlightChars += next.length();
    }
    return lines.toString();
  }

  /**
   * The container is done with a message: the next goes out from here, with whatever queued meanwhile
   * (on the thread that completed the write, the sending one itself when the socket took it at once).
   */
  private synchronized void afterSend(SendResult result) {
    inFlight = false;
    if (!result.isOK()) {
      closed = true;
      queued = null;
      return;
    }
    pendingChars -= inFlightChars;
    inFlightChars = 0;
    if (!closed) {
      transmitQueued();
    }
  }

  /**
   * Hands a message to the container. Tyrus throws, rather than failing the send, when the socket closed
   * between our check and its own; a delivery flushes socket after socket on one thread, so a throw here
   * would cost every socket after this one its frames. The socket is closed for good instead.
   */
  private void transmit(String message, SendHandler handler) {
    try {
      remote.sendText(message, handler);
    } catch (RuntimeException closedUnderneath) {
      synchronized (this) {
        closed = true;
        inFlight = false;
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
      idle = !inFlight;
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
      if (!inFlight) {
        inFlight = true;
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
