package chat.server.testing;

import chat.dto.ClientFrame;
import chat.dto.ServerFrame;
import chat.dto.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client of the {@code /ws} endpoint that keeps every frame it receives, in order, and
 * how the socket was closed. Waits are bounded: a frame that does not come fails the test.
 */
public final class ChatSocket implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(15);
  public static final int ABNORMAL_CLOSURE = 1006;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final WebSocket socket;
  private final boolean framesPerLine;
  /** The most frames one WebSocket message carried. */
  private volatile int mostFramesInAMessage;
  private volatile boolean stalled;
  private ServerFrame.Welcome welcome;

  private ChatSocket(ChatHttp node, String token, boolean framesPerLine) {
    this.framesPerLine = framesPerLine;
    URI uri = node.socketUri();
    this.socket =
        node.socketBuilder(CLIENT, token)
            .buildAsync(framesPerLine ? URI.create(uri + "?frames=lines") : uri, new Listener())
            .join();
  }

  /** Connects and waits for {@code welcome}. */
  public static ChatSocket connect(ChatHttp node, String token) {
    return welcomed(new ChatSocket(node, token, false));
  }

  /** Connects asking for several frames a message, a line each, as the project's clients do. */
  public static ChatSocket connectTakingLines(ChatHttp node, String token) {
    return welcomed(new ChatSocket(node, token, true));
  }

  private static ChatSocket welcomed(ChatSocket socket) {
    socket.welcome = socket.next(ServerFrame.Welcome.class);
    return socket;
  }

  public int mostFramesInAMessage() {
    return mostFramesInAMessage;
  }

  /** The {@code welcome} the socket opened with. */
  public ServerFrame.Welcome welcome() {
    return welcome;
  }

  /** Stops reading, as a client on a dead network or a frozen tab does; the server's frames pile up. */
  public void stall() {
    stalled = true;
  }

  /** Reads again: what the server managed to send arrives, then whatever it closed with. */
  public void resume() {
    stalled = false;
    socket.request(1);
  }

  public void send(ClientFrame frame) {
    sendRaw(WireJson.toJson(frame));
  }

  public void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  /**
   * The next frame, which must be of this type. A {@code membership} frame is passed over unless it is
   * the type asked for: a first join sends it to every socket of the user as a grid event, before or
   * after {@code room_joined} as the grid delivers it.
   */
  public <F extends ServerFrame> F next(Class<F> type) {
    ServerFrame frame = poll(WAIT);
    while (frame instanceof ServerFrame.MembershipChanged && type != ServerFrame.MembershipChanged.class) {
      frame = poll(WAIT);
    }
    if (frame == null) {
      throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }
    if (!type.isInstance(frame)) {
      throw new AssertionError("expected " + type.getSimpleName() + " but got " + frame);
    }
    return type.cast(frame);
  }

  /** The next frame of this type, skipping others (presence announcements, say). */
  public <F extends ServerFrame> F nextOf(Class<F> type) {
    return nextOf(type, frame -> true);
  }

  /**
   * The next frame of this type that matches, skipping others: a frame told through the grid (a join's
   * {@code membership_changed}, say) may come after a later request's answer.
   */
  public <F extends ServerFrame> F nextOf(Class<F> type, Predicate<F> matching) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      ServerFrame frame = poll(Duration.ofNanos(deadline - System.nanoTime()));
      if (type.isInstance(frame) && matching.test(type.cast(frame))) {
        return type.cast(frame);
      }
    }
    throw new AssertionError("no matching " + type.getSimpleName() + " within " + WAIT);
  }

  public ServerFrame poll(Duration wait) {
    try {
      return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Round-trips a ping, so every frame the server sent before the pong has arrived. */
  public void sync() {
    send(new ClientFrame.Ping());
    nextOf(ServerFrame.Pong.class);
  }

  /** The close code the server closed with. */
  public int awaitClose() {
    return closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  public boolean isOpen() {
    return !closeCode.isDone() && !socket.isInputClosed();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String[] lines = framesPerLine ? partial.toString().split("\n") : new String[] {partial.toString()};
        for (String line : lines) {
          frames.add(WireJson.readServerFrame(line));
        }
        mostFramesInAMessage = Math.max(mostFramesInAMessage, lines.length);
        partial.setLength(0);
      }
      if (!stalled) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    /** A connection that ends without a close frame: RFC 6455 reports that as 1006. */
    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.complete(ABNORMAL_CLOSURE);
    }
  }
}
