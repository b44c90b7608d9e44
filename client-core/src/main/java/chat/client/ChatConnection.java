package chat.client;

import chat.dto.ClientFrame;
import chat.dto.InvalidJsonException;
import chat.dto.Limits;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One user's WebSocket to the chat, kept alive across network failures and node deaths. It reconnects
 * to the same URL with backoff (the load balancer picks the node), rejoins its rooms with
 * {@code afterSeq}, catches up on direct messages over REST, resends unacknowledged messages under their
 * clientId, fills the gaps the seqs show ({@link GapFiller}), drops a socket its server stopped
 * answering ({@link Heartbeat}), and hands on each message once. What it remembers from socket to socket
 * is {@link ResumeState}'s; this class is the socket's life. Everything it does runs on its event loop (a
 * thread of its own, or one shared by many connections), and the {@link Listener} is called there, in
 * order.
 */
public final class ChatConnection implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChatConnection.class.getName());
  private static final int CLOSED_ABNORMALLY = 1006;
  /** How long a send refused as {@code unavailable} waits before it goes again, as the contract asks. */
  static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(1);
  private static final String UNAVAILABLE = "unavailable";

  /** What the user of a connection hears; called on the connection's event loop, never concurrently. */
  public interface Listener {

    /** A frame from the server, after repeats were dropped and catch-ups completed. */
    void onFrame(ServerFrame frame);

    void onState(ConnectionState state);

    /**
     * Something the connection met and got over by itself, for a client that counts such things (the
     * bots); its user sees a delay at most. {@code error} names it: {@code unavailable} for a send it
     * sends again, {@code HTTP <status> [code]} or {@code unreachable} for a REST call of its own (a
     * gap's fill) that it tries again, {@code handshake <status>} for a refused connect it retries.
     */
    default void onRetried(String error) {}

    /**
     * A message that came live over the socket although its seq was here (a resend the server published
     * again, a live frame behind the fill that fetched it): dropped, not shown twice. A catch-up's overlap
     * with what came live is not told.
     */
    default void onRepeated(Message message) {}
  }

  private final ChatApi api;
  private final URI socketUri;
  private final String authorization;
  private final Backoff backoff;
  private final Listener listener;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final boolean ownsLoop;

  // Owned by the event loop.
  private final ResumeState resume = new ResumeState();
  private final GapFiller gaps;
  private final Heartbeat heartbeat;
  /** Written on the event loop; read by {@link #state()} from any thread. */
  private volatile ConnectionState state = new ConnectionState.Connecting(1);
  /** From the last welcome; read by {@link #limits()} from any thread. */
  private volatile Limits limits;
  private WebSocket socket;
  private int generation;
  private int attempt;
  private User me;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private String banReason;

  /**
   * A connection for the user of {@code api} (a {@link ChatApi#as(String) logged-in} one, whose token
   * it uses); it connects once {@link #start() started}.
   */
  public ChatConnection(ChatApi api, String token, Backoff backoff, Listener listener) {
    this(api, token, backoff, listener, ownLoop(), true, Clock.systemUTC());
  }

  /**
   * As above, on an event loop the caller gives and shuts down: thousands of connections (a load tool's
   * users) can share a few threads, each connection still handled in order. The loop must run one task
   * at a time.
   */
  public ChatConnection(
      ChatApi api, String token, Backoff backoff, Listener listener, ScheduledExecutorService sharedLoop) {
    this(api, token, backoff, listener, sharedLoop, false, Clock.systemUTC());
  }

  ChatConnection(
      ChatApi api,
      String token,
      Backoff backoff,
      Listener listener,
      ScheduledExecutorService loop,
      boolean ownsLoop,
      Clock clock) {
    this.api = api;
    this.socketUri = socketUri(api.server());
    // In a header, never in the URL: URLs are what balancers and proxies log.
    this.authorization = "Bearer " + token;
    this.backoff = backoff;
    this.listener = listener;
    this.loop = loop;
    this.ownsLoop = ownsLoop;
    this.clock = clock;
    this.gaps =
        new GapFiller(
            api, resume, loop, this::accept, () -> limits.maxHistoryPage(), () -> state.isFinal(), this::retried);
    this.heartbeat = new Heartbeat(loop, clock);
  }

  private static ScheduledExecutorService ownLoop() {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, "chat-connection");
          thread.setDaemon(true);
          return thread;
        });
  }

  public void start() {
    loop.execute(this::connect);
  }

  /** Joins {@code room}, now or as soon as connected, and again after every reconnect. */
  public void join(String room) {
    loop.execute(
        () -> {
          resume.joined(room);
          transmit(resume.joinFrame(room));
        });
  }

  public void leave(String room) {
    loop.execute(
        () -> {
          resume.left(room);
          transmit(new ClientFrame.LeaveRoom(room));
        });
  }

  /**
   * Sends {@code text} to {@code room} and returns its clientId, which the acknowledgement (the
   * message coming back) or an error's {@code ref} carries. Sent again after a reconnect until one of
   * them comes.
   */
  public String send(String room, String text) {
    return send(room, text, null);
  }

  /** As {@link #send}, answering the message {@code replyTo} of the room (null for none). */
  public String send(String room, String text, Long replyTo) {
    return send(room, text, replyTo, List.of());
  }

  /**
   * As {@link #send}, with {@code files}: the ids of uploads of the user's not yet sent ({@link
   * ChatApi#upload}), none when empty; with files the text may be empty.
   */
  public String send(String room, String text, Long replyTo, List<Long> files) {
    String clientId = UUID.randomUUID().toString();
    queue(clientId, new ClientFrame.SendChatMessage(room, text, clientId, replyTo, orNull(files)));
    return clientId;
  }

  /** As {@link #send}, to a friend. */
  public String sendDirect(String username, String text) {
    return sendDirect(username, text, null);
  }

  /** As {@link #send}, to a friend, answering the message {@code replyTo} of the conversation. */
  public String sendDirect(String username, String text, Long replyTo) {
    return sendDirect(username, text, replyTo, List.of());
  }

  /** As {@link #send(String, String, Long, List)}, to a friend. */
  public String sendDirect(String username, String text, Long replyTo, List<Long> files) {
    String clientId = UUID.randomUUID().toString();
    queue(clientId, new ClientFrame.SendDirectMessage(username, text, clientId, replyTo, orNull(files)));
    return clientId;
  }

  /** No files is no {@code files} on the wire, as before files were. */
  private static List<Long> orNull(List<Long> files) {
    return files == null || files.isEmpty() ? null : List.copyOf(files);
  }

  /**
   * Says this client has the conversation with {@code username} up to {@code lastSeq} (its history was
   * loaded), so that a reconnect catches up on it, and a gap shows, even before a live message arrived
   * in it.
   */
  public void follow(String username, long lastSeq) {
    loop.execute(() -> resume.completeThrough(Channel.direct(username), lastSeq));
  }

  /**
   * Says the user has read {@code channel} (a room, or the conversation with a user) up to {@code seq};
   * every device of theirs hears it ({@code read}).
   */
  public void markRead(Channel channel, long seq) {
    loop.execute(() -> transmit(markReadFrame(channel, seq)));
  }

  /** Says the user is typing in {@code channel}; the caller keeps to one every few seconds. */
  public void typing(Channel channel) {
    loop.execute(
        () -> transmit(
            switch (channel) {
              case Channel.RoomChannel(String room) -> new ClientFrame.Typing(room, null);
              case Channel.DirectChannel(String username) -> new ClientFrame.Typing(null, username);
            }));
  }

  private static ClientFrame markReadFrame(Channel channel, long seq) {
    return switch (channel) {
      case Channel.RoomChannel(String room) -> new ClientFrame.MarkRead(room, null, seq);
      case Channel.DirectChannel(String username) -> new ClientFrame.MarkRead(null, username, seq);
    };
  }

  public ConnectionState state() {
    return state;
  }

  /**
   * Drops the socket as a failing network would, and reconnects with backoff, resuming (rejoins with
   * {@code afterSeq}, resends what is unanswered): for a client that knows its network changed, and for a
   * load tool's churn. Nothing happens while not connected.
   */
  public void reconnect() {
    loop.execute(
        () -> {
          if (socket != null) {
            drop(generation, "reconnecting");
          }
        });
  }

  /** What the server that last welcomed this connection asks clients to keep to; empty before then. */
  public Optional<Limits> limits() {
    return Optional.ofNullable(limits);
  }

  /** Closes the socket for good; the listener hears {@link ConnectionState.Closed}. */
  @Override
  public void close() {
    loop.execute(
        () -> {
          if (!state.isFinal()) {
            become(new ConnectionState.Closed());
          }
          heartbeat.stop();
          if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
          }
        });
    if (ownsLoop) {
      loop.shutdown();
    }
  }

  private void queue(String clientId, ClientFrame frame) {
    loop.execute(
        () -> {
          resume.sending(clientId, frame);
          transmit(frame);
        });
  }

  // ---- the socket's life, on the event loop ----

  private void connect() {
    if (state.isFinal()) {
      return;
    }
    attempt++;
    int thisSocket = ++generation;
    become(new ConnectionState.Connecting(attempt));
    api.http()
        .newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .header("Authorization", authorization)
        .buildAsync(socketUri, new SocketListener(thisSocket))
        .whenCompleteAsync(
            (opened, failure) -> {
              if (thisSocket != generation) {
                if (opened != null) {
                  opened.abort();
                }
              } else if (failure != null) {
                refused(failure);
              }
            },
            loop);
  }

  /**
   * Called from the listener's onOpen, which comes before any frame: had this waited for buildAsync's
   * future, the welcome could be handled first and the frames it sends (rejoins, resends) lost.
   */
  private void opened(int fromSocket, WebSocket opened) {
    if (fromSocket != generation) {
      return;
    }
    socket = opened;
    sending = CompletableFuture.completedFuture(null);
    heartbeat.heard();
  }

  private void refused(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof WebSocketHandshakeException handshake) {
      int status = handshake.getResponse().statusCode();
      switch (status) {
        case 401 -> become(new ConnectionState.LoggedOut("the server no longer accepts this login"));
        case 403 -> become(new ConnectionState.Banned("banned"));
        default -> {
          retried("handshake " + status);
          retryLater("the server answered " + status);
        }
      }
    } else {
      retryLater("cannot reach the server");
    }
  }

  private void received(int fromSocket, String text) {
    if (fromSocket != generation) {
      return;
    }
    heartbeat.heard();
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
      received(text.substring(start, end));
    }
    received(start == 0 ? text : text.substring(start));
  }

  /** One frame: a message holds one, or several a line each (the socket asks for {@code frames=lines}). */
  private void received(String text) {
    ServerFrame frame;
    try {
      frame = WireJson.readServerFrame(text);
    } catch (InvalidJsonException e) {
      LOG.log(System.Logger.Level.WARNING, "ignored a frame this client does not know: {0}", e.getMessage());
      return;
    }
    handle(frame);
  }

  private void handle(ServerFrame frame) {
    if (frame instanceof ServerFrame.Welcome welcome) {
      welcomed(welcome);
    } else if (frame instanceof ServerFrame.RoomJoined joined) {
      roomJoined(joined);
    } else if (frame instanceof ServerFrame.ChatMessagePosted posted) {
      posted(posted, posted.message());
    } else if (frame instanceof ServerFrame.DirectMessagePosted posted) {
      posted(posted, posted.message());
    } else if (frame instanceof ServerFrame.MessageUpdated updated) {
      updated(updated);
    } else if (frame instanceof ServerFrame.MessageDeleted deleted) {
      deleted(deleted);
    } else if (frame instanceof ServerFrame.MembershipChanged membership) {
      membershipChanged(membership);
    } else if (frame instanceof ServerFrame.RequestFailed failed && UNAVAILABLE.equals(failed.code())) {
      unavailable(failed);
    } else {
      if (frame instanceof ServerFrame.RequestFailed failed) {
        resume.answered(failed.ref());
      } else if (frame instanceof ServerFrame.Banned banned) {
        banReason = banned.reason();
      }
      deliver(frame);
    }
  }

  /**
   * The user joined a room on another device, and it is joined here too; or left one anywhere, and it
   * is forgotten here (the server has taken this socket out of it).
   */
  private void membershipChanged(ServerFrame.MembershipChanged membership) {
    if (membership.member() && !resume.isIn(membership.room())) {
      resume.joined(membership.room());
      transmit(resume.joinFrame(membership.room()));
    } else if (!membership.member()) {
      resume.left(membership.room());
    }
    deliver(membership);
  }

  private void unavailable(ServerFrame.RequestFailed failed) {
    ResumeState.Unavailable asks = resume.unavailable(failed);
    if (asks == ResumeState.Unavailable.TELL) {
      deliver(failed);
      return;
    }
    retried(UNAVAILABLE);
    switch (asks) {
      case SEND_AGAIN -> sendAgainLater(failed.ref());
      case JOIN_AGAIN -> joinAgainLater(failed.refusedJoin().orElseThrow());
      case ANSWERED_BEFORE, TELL -> {}
    }
  }

  private void welcomed(ServerFrame.Welcome welcome) {
    boolean reconnect = me != null;
    me = welcome.user();
    limits = welcome.limits();
    attempt = 0;
    become(new ConnectionState.Connected(welcome.node(), welcome.user()));
    deliver(welcome);
    if (welcome.rooms() != null) {
      resume.memberOf(welcome.rooms()).forEach(room -> deliver(new ServerFrame.MembershipChanged(room, false)));
    }
    int thisSocket = generation;
    heartbeat.start(
        Duration.ofSeconds(Math.max(1, welcome.heartbeat())),
        () -> transmit(new ClientFrame.Ping()),
        () -> drop(thisSocket, "the server stopped answering"));
    resume.resumeFrames().forEach(this::transmit);
    if (reconnect) {
      resume.conversations().forEach(gaps::fill);
    }
  }

  /**
   * A room's newest page, or a catch-up: either is complete up to its last message, so the numbers it
   * skips (deleted messages, blocked users') are no gap. A catch-up cut short goes on over REST.
   */
  private void roomJoined(ServerFrame.RoomJoined joined) {
    Channel room = Channel.room(joined.room());
    resume.answeredJoin(joined.room());
    // What it repeats of the live messages is no repeat: it resumes from where the channel was complete.
    List<Message> fresh = new ArrayList<>();
    List<ServerFrame> changes = new ArrayList<>();
    resume.beginAt(room, joined.history());
    for (Message message : joined.history()) {
      ResumeState.Seen seen = resume.see(room, message);
      if (seen == ResumeState.Seen.NEW && !message.isDeleted()) {
        fresh.add(message);
      } else {
        asFrame(room, message, seen).ifPresent(changes::add);
      }
    }
    // A catch-up comes in the order of its changes; the room's history is shown in id order.
    fresh.sort(Comparator.comparingLong(Message::id));
    long highest = joined.history().stream().mapToLong(Message::latestSeq).max().orElse(0);
    deliver(new ServerFrame.RoomJoined(joined.room(), joined.members(), fresh, null, joined.silencedUntil()));
    changes.forEach(this::deliver);
    if (Boolean.TRUE.equals(joined.more())) {
      // Cut short: a message sent within the numbers it covers but changed after them is still to
      // come, and must come as news, so nothing is taken as complete until the rest is in.
      gaps.fillAfter(room, highest);
    } else {
      // Complete up to its highest number: a catch-up's last, or the newest page's latest change.
      resume.completeThrough(room, highest);
    }
  }

  /**
   * A message changed: handed on when the change is new here, as it is, or as a new message when this
   * client never had it (the change overtook the message on its way from another node).
   */
  private void updated(ServerFrame.MessageUpdated updated) {
    Message message = updated.message();
    Channel channel = Channel.of(message, me.username());
    if (message.from().id() == me.id()) {
      resume.answered(message.clientId());
    }
    ResumeState.Seen seen = resume.see(channel, message);
    if (seen == ResumeState.Seen.CHANGED) {
      deliver(updated);
    } else if (seen == ResumeState.Seen.NEW) {
      deliver(asFrame(message));
    }
    gaps.checkSoon(channel);
  }

  /**
   * A deletion takes a number of its channel too; the message's own is counted with it, so that the
   * message, or a change to it, arriving after the deletion from another node shows nothing.
   */
  private void deleted(ServerFrame.MessageDeleted deleted) {
    if (deleted.seq() != null) {
      Channel channel = deleted.room() != null ? Channel.room(deleted.room()) : Channel.direct(deleted.with());
      resume.seeChange(channel, deleted.seq());
      if (deleted.messageSeq() != null) {
        resume.seeChange(channel, deleted.messageSeq());
      }
      gaps.checkSoon(channel);
    }
    deliver(deleted);
  }

  private void posted(ServerFrame frame, Message message) {
    Channel channel = Channel.of(message, me.username());
    acceptLive(channel, frame, message);
    gaps.checkSoon(channel);
  }

  /**
   * A join the server could not answer for now (its database away: the history could not be read) goes
   * again, unless the room was left meanwhile: a socket that gave up would be silently out of the room.
   */
  private void joinAgainLater(String room) {
    int thisSocket = generation;
    loop.schedule(
        () -> {
          if (thisSocket == generation && resume.isIn(room)) {
            transmit(resume.joinFrame(room));
          }
        },
        UNAVAILABLE_RETRY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * A send the server could not store for now (its database away, its writer too slow) goes again under
   * the same clientId: nothing is stored twice, and the user sees a delay rather than an error.
   */
  private void sendAgainLater(String clientId) {
    loop.schedule(
        () -> {
          ClientFrame frame = resume.waiting(clientId);
          if (frame != null) {
            transmit(frame);
          }
        },
        UNAVAILABLE_RETRY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * A message the gap filler found, as if it had come live: a new one, a change, or a deletion; one
   * already here is the fill's overlap.
   */
  private void accept(Channel channel, Message message) {
    if (message.from() != null && message.from().id() == me.id()) {
      resume.answered(message.clientId());
    }
    asFrame(channel, message, resume.see(channel, message)).ifPresent(this::deliver);
  }

  /** A message that came over the socket: handed on the first time its seq comes. */
  private void acceptLive(Channel channel, ServerFrame frame, Message message) {
    if (message.from().id() == me.id()) {
      resume.answered(message.clientId());
    }
    if (resume.see(channel, message) == ResumeState.Seen.NEW) {
      deliver(frame);
    } else {
      repeated(message);
    }
  }

  /**
   * What a message of a page or a catch-up tells the listener: a new message as it now is, a change
   * to one it has, a deletion of one it has; nothing for a repeat or a tombstone of one it never had.
   */
  private static Optional<ServerFrame> asFrame(Channel channel, Message message, ResumeState.Seen seen) {
    if (seen == ResumeState.Seen.NOTHING_NEW || (seen == ResumeState.Seen.NEW && message.isDeleted())) {
      return Optional.empty();
    }
    if (message.isDeleted()) {
      return Optional.of(
          switch (channel) {
            case Channel.RoomChannel(String room) ->
                new ServerFrame.MessageDeleted(message.id(), room, null, message.changedSeq(), message.seq());
            case Channel.DirectChannel(String with) ->
                new ServerFrame.MessageDeleted(message.id(), null, with, message.changedSeq(), message.seq());
          });
    }
    return Optional.of(seen == ResumeState.Seen.NEW ? asFrame(message) : new ServerFrame.MessageUpdated(message, null));
  }

  private static ServerFrame asFrame(Message message) {
    return message.room() != null
        ? new ServerFrame.ChatMessagePosted(message)
        : new ServerFrame.DirectMessagePosted(message);
  }

  /** Gives up on the socket as a failed network would end it, and reconnects with backoff. */
  private void drop(int fromSocket, String reason) {
    WebSocket dropped = socket;
    lost(fromSocket, reason);
    if (dropped != null) {
      dropped.abort();
    }
  }

  private void lost(int fromSocket, int code, String reason) {
    if (fromSocket != generation || state.isFinal()) {
      return;
    }
    socket = null;
    heartbeat.stop();
    switch (code) {
      case 4001 -> become(new ConnectionState.LoggedOut("the server no longer accepts this login"));
      case 4003 -> become(new ConnectionState.Banned(banReason != null ? banReason : reason));
      default -> retryLater(reason == null || reason.isBlank() ? "connection lost (" + code + ")" : reason);
    }
  }

  private void lost(int fromSocket, String reason) {
    lost(fromSocket, CLOSED_ABNORMALLY, reason);
  }

  private void retryLater(String reason) {
    generation++;
    Duration delay = backoff.delay(attempt);
    become(new ConnectionState.Reconnecting(clock.instant().plus(delay), attempt + 1, reason));
    loop.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void transmit(ClientFrame frame) {
    WebSocket open = socket;
    if (open == null || !(state instanceof ConnectionState.Connected)) {
      return; // sent from the resume frames once a socket is welcomed
    }
    String json = WireJson.toJson(frame);
    sending = sending.handle((done, failed) -> null).thenCompose(ignored -> open.sendText(json, true));
  }

  private void become(ConnectionState next) {
    state = next;
    tell(() -> listener.onState(next));
  }

  private void retried(String error) {
    tell(() -> listener.onRetried(error));
  }

  private void repeated(Message message) {
    tell(() -> listener.onRepeated(message));
  }

  private void deliver(ServerFrame frame) {
    tell(() -> listener.onFrame(frame));
  }

  /** Tells the listener something; a listener that fails is logged and does not stop the connection. */
  private static void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "a connection listener failed", e);
    }
  }

  /** Runs {@code task} on the event loop, unless the connection was closed meanwhile. */
  private void onLoop(Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException closed) {
      // Closed: what the old socket still says is of no interest.
    }
  }

  private static URI socketUri(URI server) {
    String scheme = "https".equals(server.getScheme()) ? "wss" : "ws";
    return URI.create(scheme + "://" + server.getRawAuthority() + "/ws?frames=lines");
  }

  /** Hands the socket's callbacks to the event loop, tagged with the socket they came from. */
  private final class SocketListener implements WebSocket.Listener {

    private final int socketGeneration;
    private final StringBuilder partial = new StringBuilder();

    SocketListener(int socketGeneration) {
      this.socketGeneration = socketGeneration;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      onLoop(() -> opened(socketGeneration, webSocket));
      webSocket.request(1);
    }

    @Override
    public CompletableFuture<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last && partial.isEmpty()) {
        // A whole frame, the usual case: one bulk copy, where appending copies char by char.
        String text = data.toString();
        onLoop(() -> received(socketGeneration, text));
      } else {
        partial.append(data);
        if (last) {
          String text = partial.toString();
          partial.setLength(0);
          onLoop(() -> received(socketGeneration, text));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletableFuture<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      onLoop(() -> lost(socketGeneration, statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      onLoop(() -> lost(socketGeneration, "connection lost: " + error.getMessage()));
    }
  }
}
