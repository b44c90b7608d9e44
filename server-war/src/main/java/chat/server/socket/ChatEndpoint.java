package chat.server.socket;

import chat.dto.ClientFrame;
import chat.dto.ErrorCode;
import chat.dto.InvalidJsonException;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.access.BanList;
import chat.server.config.ChatConfig;
import chat.server.config.NodeIdentity;
import chat.server.error.ChatException;
import chat.server.error.DatabaseFailure;
import chat.server.message.HistoryRange;
import chat.server.message.ChangeService;
import chat.server.message.MessageService;
import chat.server.message.PostOutcome;
import chat.server.presence.UserPresence;
import chat.server.ratelimit.RateLimited;
import chat.server.ratelimit.RateLimits;
import chat.server.reading.ReadMarkers;
import chat.server.room.RoomRef;
import chat.server.room.RoomService;
import chat.server.social.SocialService;
import chat.server.typing.TypingRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws}: decodes each frame, hands it to the feature that owns it and answers failures with an
 * {@code error} frame on a socket that stays open. One instance serves every socket; a socket's own
 * state is its {@link ClientSocket}.
 */
@ApplicationScoped
@ServerEndpoint(
    value = ChatEndpoint.PATH,
    subprotocols = SocketToken.SUBPROTOCOL,
    configurator = EndpointConfigurator.class)
public class ChatEndpoint {

  static final String PATH = "/ws";
  private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());
  private static final String CONNECTION = ClientSocket.class.getName();
  /**
   * The container refuses frames past this before buffering them; the configured limit (CHAT_MAX_FRAME_BYTES)
   * is checked below it, because an annotation cannot read configuration.
   */
  private static final int CEILING_FRAME_BYTES = 64 * 1024;

  static final String FRAMES = "frames";
  static final String FRAMES_PER_LINE = "lines";
  private static final String PONG = WireJson.toJson(new ServerFrame.Pong());
  static final String BANNED_FRAME = WireJson.toJson(new ServerFrame.Banned("banned by an administrator"));
  static final CloseReason BANNED_CLOSE = new CloseReason(CloseCodes.BANNED, "banned");

  private LocalSockets sockets;
  private RoomMembership membership;
  private MessageService messages;
  private ChangeService changes;
  private NodeIdentity node;
  private ChatConfig config;
  private SessionTimers timers;
  private SocialService social;
  private RateLimits limits;
  private UserPresence online;
  private BanList bans;
  private Drain drain;
  private RoomService rooms;
  private ReadMarkers markers;
  private TypingRelay typing;

  protected ChatEndpoint() {}

  @Inject
  ChatEndpoint(
      LocalSockets sockets,
      RoomMembership membership,
      MessageService messages,
      ChangeService changes,
      NodeIdentity node,
      ChatConfig config,
      SessionTimers timers,
      SocialService social,
      RateLimits limits,
      UserPresence online,
      BanList bans,
      Drain drain,
      RoomService rooms,
      ReadMarkers markers,
      TypingRelay typing) {
    this.sockets = sockets;
    this.membership = membership;
    this.messages = messages;
    this.changes = changes;
    this.node = node;
    this.config = config;
    this.timers = timers;
    this.social = social;
    this.limits = limits;
    this.online = online;
    this.bans = bans;
    this.drain = drain;
    this.rooms = rooms;
    this.markers = markers;
    this.typing = typing;
  }

  @OnOpen
  public void open(Session session) {
    if (!(session.getUserPrincipal() instanceof CheckedHandshake handshake)) {
      // Only a handshake that passed the HandshakeFilter carries one.
      closeQuietly(session, new CloseReason(CloseCodes.UNAUTHORIZED, "a token is required"));
      return;
    }
    User user = handshake.token().user();
    // The container's idle timer is restarted on every frame; it is off and on a cheap scheduler, and
    // IdleSockets sweeps for silent clients instead.
    timers.adopt(session);
    session.setMaxIdleTimeout(0);
    ClientSocket connection =
        new ClientSocket(
            session,
            handshake.token(),
            handshake.address(),
            config.sendQueueBytes(),
            takesFramesPerLine(session),
            sockets::tooSlow);
    session.getUserProperties().put(CONNECTION, connection);
    // Registered before whom the user blocks is read, so a block made meanwhile reaches it as an event;
    // and before the bans are read again, so a ban made since the handshake closes it either way.
    sockets.opened(connection);
    if (refusedForBan(connection)) {
      session.getUserProperties().remove(CONNECTION);
      sockets.closed(connection);
      return;
    }
    List<String> memberOf;
    try {
      connection.blocked(social.blockedBy(user.id()));
      memberOf = rooms.roomsOf(user.id());
    } catch (DatabaseFailure failure) {
      session.getUserProperties().remove(CONNECTION);
      sockets.closed(connection);
      ChatException unavailable = ChatException.unavailable(failure);
      closeQuietly(session, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, unavailable.getMessage()));
      return;
    }
    online.connected(user.id());
    connection.mayRejoin(memberOf);
    connection.send(
        WireJson.toJson(
            new ServerFrame.Welcome(user, node.name(), config.heartbeatSeconds(), messages.limits(), memberOf)));
  }

  @OnMessage(maxMessageSize = CEILING_FRAME_BYTES)
  public void message(Session session, String text) {
    ClientSocket connection = (ClientSocket) session.getUserProperties().get(CONNECTION);
    if (connection == null) {
      return;
    }
    if (connection.isClosed() || refusedForBan(connection)) {
      return;
    }
    // A frame past CHAT_MAX_FRAME_BYTES never gets here: it was refused at its header (FrameLimitHandler).
    connection.heard();
    ClientFrame frame;
    try {
      frame = WireJson.readClientFrame(text);
    } catch (InvalidJsonException e) {
      fail(connection, ErrorCode.INVALID_REQUEST, e.getMessage(), null);
      return;
    }
    String ref = refOf(frame);
    try {
      handle(connection, frame);
    } catch (RateLimited limited) {
      fail(connection, limited.code(), limited.getMessage(), ref);
      if (connection.countRateRefusal() >= limits.messages().permits()) {
        connection.sendThenClose(
            WireJson.toJson(
                ServerFrame.RequestFailed.of(ErrorCode.RATE_LIMITED, "flooding; closing", ref)),
            new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "flooding past the rate limit"));
      }
    } catch (ChatException refused) {
      fail(connection, refused.code(), refused.getMessage(), ref);
    } catch (DatabaseFailure failure) {
      ChatException unavailable = ChatException.unavailable(failure);
      fail(connection, unavailable.code(), unavailable.getMessage(), ref);
    } catch (RuntimeException e) {
      // The frame itself is not logged: it is someone's message.
      ChatException failure = ourFailure("a '" + frame.getClass().getSimpleName() + "' frame failed", e);
      fail(connection, failure.code(), failure.getMessage(), ref);
    }
  }

  private void handle(ClientSocket connection, ClientFrame frame) {
    if (frame instanceof ClientFrame.JoinRoom join) {
      // A client rejoining the user's rooms as it connects does not spend the rate joins tell rooms of.
      if (!connection.takesRejoin(join.room())) {
        limits.joins().acquire(connection.user().id());
      }
      membership.join(connection, join.room(), HistoryRange.joining(join.afterSeq(), join.after(), join.changes()));
    } else if (frame instanceof ClientFrame.LeaveRoom leave) {
      limits.joins().acquire(connection.user().id());
      membership.leave(connection, leave.room());
    } else if (frame instanceof ClientFrame.SendChatMessage send) {
      post(connection, send);
    } else if (frame instanceof ClientFrame.SendDirectMessage direct) {
      limited(connection);
      answer(
          connection,
          messages.postDirect(
              connection.user(), direct.to(), direct.text(), direct.clientId(), direct.replyTo(), direct.files()),
          direct.clientId(),
          ServerFrame.DirectMessagePosted::new);
    } else if (frame instanceof ClientFrame.DeleteMessage delete) {
      changes.delete(connection.user(), delete.id());
    } else if (frame instanceof ClientFrame.EditMessage edit) {
      changes.edit(connection.user(), edit.id(), edit.text());
    } else if (frame instanceof ClientFrame.React react) {
      if (react.on() == null) {
        throw ChatException.invalid("say whether the reaction is 'on' (true) or taken back (false)");
      }
      changes.react(connection.user(), react.id(), react.emoji(), react.on());
    } else if (frame instanceof ClientFrame.MarkRead read) {
      markers.mark(connection.user(), read.room(), read.with(), read.seq());
    } else if (frame instanceof ClientFrame.Typing notice) {
      typing(connection, notice);
    } else if (frame instanceof ClientFrame.Ping) {
      connection.send(PONG);
    }
  }

  private void post(ClientSocket connection, ClientFrame.SendChatMessage send) {
    var room = connection.room(send.room());
    if (room == null) {
      throw ChatException.forbidden("join the room '" + send.room() + "' before sending to it");
    }
    limited(connection);
    answer(
        connection,
        messages.post(connection.user(), room, send.text(), send.clientId(), send.replyTo(), send.files()),
        send.clientId(),
        ServerFrame.ChatMessagePosted::new);
  }

  /** A room's notice needs the room joined on this socket; a friend's, the friendship (TypingRelay). */
  private void typing(ClientSocket connection, ClientFrame.Typing notice) {
    if ((notice.room() == null) == (notice.to() == null)) {
      throw ChatException.invalid("typing goes to a 'room' or to a friend ('to'), one of the two");
    }
    if (notice.room() != null) {
      RoomRef room = connection.room(notice.room());
      if (room == null) {
        throw ChatException.forbidden("join the room '" + notice.room() + "' before typing in it");
      }
      if (connection.passesTypingOn("#" + room.id())) {
        typing.inRoom(connection.user(), room.id(), room.name());
      }
    } else if (connection.passesTypingOn("@" + notice.to().toLowerCase(Locale.ROOT))) {
      typing.toFriend(connection.user(), notice.to());
    }
  }

  /** Counts a message against its user's rate; a user who keeps sending past it is closed (1008). */
  private void limited(ClientSocket connection) {
    limits.messages().acquire(connection.user().id());
    connection.withinRate();
  }

  /**
   * A stored message reaches its sender with everyone else's; what is left to answer here is a failure,
   * or a message for its sender alone ({@link PostOutcome.SenderAlone}).
   */
  private void answer(
      ClientSocket connection,
      CompletionStage<PostOutcome> posting,
      String clientId,
      Function<Message, ServerFrame> acknowledgement) {
    posting.whenComplete(
        (outcome, failure) -> {
          if (failure != null) {
            ChatException refused = asChatException(failure);
            fail(connection, refused.code(), refused.getMessage(), clientId);
          } else if (outcome instanceof PostOutcome.SenderAlone alone) {
            connection.send(WireJson.toJson(acknowledgement.apply(alone.message())));
          }
        });
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    ClientSocket connection = (ClientSocket) session.getUserProperties().remove(CONNECTION);
    if (connection != null) {
      sockets.closed(connection);
      online.disconnected(connection.user().id());
      membership.disconnected(connection);
    }
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.FINE, "socket " + session.getId() + " failed", failure);
  }

  /** A banned user or address gets nothing more from this node, whatever the client does. */
  private boolean refusedForBan(ClientSocket connection) {
    if (!bans.refuses(connection.user(), connection.address())) {
      return false;
    }
    connection.closeNow(BANNED_FRAME, BANNED_CLOSE);
    return true;
  }

  /** {@code /ws?frames=lines}: the client takes several frames in one message, a line each. */
  private static boolean takesFramesPerLine(Session session) {
    return session.getRequestParameterMap().getOrDefault(FRAMES, List.of()).contains(FRAMES_PER_LINE);
  }

  /**
   * What a refusal names, so that the client knows which of its requests failed: a send's clientId, a
   * join's room ({@code join_room:NAME}, which a client joins again after {@code unavailable}).
   */
  private static String refOf(ClientFrame frame) {
    if (frame instanceof ClientFrame.SendChatMessage send) {
      return send.clientId();
    }
    if (frame instanceof ClientFrame.SendDirectMessage direct) {
      return direct.clientId();
    }
    if (frame instanceof ClientFrame.JoinRoom join && join.room() != null) {
      return ServerFrame.RequestFailed.joinRef(join.room());
    }
    return null;
  }

  private static void fail(ClientSocket connection, ErrorCode code, String message, String ref) {
    connection.send(WireJson.toJson(ServerFrame.RequestFailed.of(code, message, ref)));
  }

  private ChatException asChatException(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof ChatException chat) {
      return chat;
    }
    return ourFailure("posting failed", cause);
  }

  /**
   * A failure of the node's own. While it stops, its parts go one by one (the grid, the beans) and fail
   * what still reaches them: the client is told to send again, and reconnects elsewhere once closed.
   */
  private ChatException ourFailure(String what, Throwable cause) {
    if (drain.isDraining()) {
      return new ChatException(ErrorCode.UNAVAILABLE, "the node is stopping; send it again");
    }
    LOG.log(Level.SEVERE, what, cause);
    return new ChatException(ErrorCode.INTERNAL, "internal error");
  }

  private static void closeQuietly(Session session, CloseReason reason) {
    try {
      session.close(reason);
    } catch (java.io.IOException e) {
      LOG.log(Level.FINE, "closing an unauthorized socket", e);
    }
  }
}
