package chat.server.socket;

import chat.dto.ErrorCode;
import chat.dto.ServerFrame;
import chat.dto.WireJson;
import chat.server.access.BanList;
import chat.server.account.Profiles;
import chat.server.events.AccountChanged;
import chat.server.events.BanChanged;
import chat.server.events.BlockChanged;
import chat.server.events.Broadcast;
import chat.server.events.ChatEvent;
import chat.server.events.GridMerged;
import chat.server.events.IdentityChanged;
import chat.server.events.MembershipEnded;
import chat.server.events.Notice;
import chat.server.events.NoticeTaken;
import chat.server.events.RoomEvent;
import chat.server.events.SilenceChanged;
import chat.server.events.UserEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** This node's sockets, by room and by user, and delivery of events to them. */
@ApplicationScoped
public class LocalSockets {

  private static final Logger LOG = Logger.getLogger(LocalSockets.class.getName());

  private final Map<Long, Set<ClientSocket>> byRoom = new ConcurrentHashMap<>();
  private final Map<Long, Set<ClientSocket>> byUser = new ConcurrentHashMap<>();
  private final Set<ClientSocket> all = ConcurrentHashMap.newKeySet();

  static final CloseReason LOGGED_OUT = new CloseReason(CloseCodes.UNAUTHORIZED, "this login was ended; log in again");
  private static final String LOGGED_OUT_FRAME =
      WireJson.toJson(ServerFrame.RequestFailed.of(ErrorCode.UNAUTHORIZED, "this login was ended; log in again", null));

  private BanList bans;
  private Profiles profiles;
  /** Sockets closed for reading too slowly (4008): what a stalled client costs is bounded by that. */
  private Counter tooSlow;

  protected LocalSockets() {}

  @Inject
  LocalSockets(MetricRegistry metrics, BanList bans, Profiles profiles) {
    this.bans = bans;
    this.profiles = profiles;
    metrics.gauge("chat_sockets", all, Set::size);
    this.tooSlow = metrics.counter("chat_sockets_too_slow");
  }

  /** A socket's queue overflowed, and it is closed with 4008. */
  void tooSlow() {
    tooSlow.inc();
  }

  /**
   * Hands events to this node's sockets they concern, in order; called for every event of the cluster.
   * Each socket is sent what it got only after the last event, so that a client that takes several
   * frames a message gets all of its frames in one (decision 0020).
   */
  public void deliver(List<ChatEvent> events) {
    Set<ClientSocket> touched = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ChatEvent event : events) {
      deliver(event, touched);
    }
    touched.forEach(ClientSocket::flush);
  }

  private void deliver(ChatEvent event, Set<ClientSocket> touched) {
    switch (event) {
      case RoomEvent roomEvent -> deliver(roomEvent, touched);
      case UserEvent userEvent -> deliver(userEvent, touched);
      case BlockChanged change ->
          forUser(change.blockerId(), socket -> socket.blockChanged(change.blockedId(), change.blocked()));
      case BanChanged ban -> {
        if (ban.banned()) {
          closeBanned(ban);
        }
      }
      case AccountChanged account ->
          forUser(
              account.userId(),
              socket -> {
                if (socket.tokenEndedBy(account.tokenVersion())) {
                  socket.closeNow(LOGGED_OUT_FRAME, LOGGED_OUT);
                }
              });
      case IdentityChanged change -> identityChanged(change, touched);
      case Broadcast broadcast -> all.forEach(socket -> queue(socket, broadcast.frame(), touched));
      case GridMerged merged -> {
        LOG.warning(() -> "the grid merged " + merged.node() + " back after a split: closing " + count()
            + " sockets, whose clients resume with what the other side stored meanwhile");
        closeAll("the cluster was split; reconnect");
      }
      // A notice and its answer are the cluster's own exchange: ClusterEvents hands the notice's frame
      // to notice() and keeps both from here, as it hands a membership's end to RoomMembership and a
      // silence to Silences.
      case Notice _, NoticeTaken _, MembershipEnded _, SilenceChanged _ -> {}
    }
  }

  private static void queue(ClientSocket socket, String frame, Set<ClientSocket> touched) {
    socket.queue(frame);
    touched.add(socket);
  }

  /**
   * The banned user's sockets, and every socket from a banned address whoever's, at once and without
   * draining. The ban list already holds the ban when its event arrives here.
   */
  private void closeBanned(BanChanged ban) {
    String frame = WireJson.toJson(new ServerFrame.Banned(ban.reason()));
    for (ClientSocket socket : all) {
      if (bans.refuses(socket.user(), socket.address())) {
        socket.closeNow(frame, ChatEndpoint.BANNED_CLOSE);
      }
    }
  }

  /**
   * The user's own sockets take the profile this node keeps (the newest it has seen, whichever event
   * came last), then everyone who sees the user is told.
   */
  private void identityChanged(IdentityChanged change, Set<ClientSocket> touched) {
    forUser(change.user().id(), socket -> socket.profileChanged(profiles.current(socket.user())));
    for (long userId : change.audience()) {
      forUser(userId, socket -> queue(socket, change.frame(), touched));
    }
  }

  private void deliver(UserEvent event, Set<ClientSocket> touched) {
    for (long userId : event.userIds()) {
      forUser(
          userId,
          socket -> {
            if (!socket.blocks(event.fromUserId())) {
              queue(socket, event.frame(), touched);
            }
          });
    }
  }

  /** Hands a notice to every socket of the user on this node; answers how many took it. */
  public int notice(long userId, String frame) {
    Set<ClientSocket> sockets = byUser.get(userId);
    if (sockets == null) {
      return 0;
    }
    int taken = 0;
    for (ClientSocket socket : sockets) {
      socket.send(frame);
      taken++;
    }
    return taken;
  }

  /** Every socket of a user on this node. */
  void forUser(long userId, Consumer<ClientSocket> action) {
    Set<ClientSocket> sockets = byUser.get(userId);
    if (sockets != null) {
      sockets.forEach(action);
    }
  }

  private void deliver(RoomEvent event, Set<ClientSocket> touched) {
    Set<ClientSocket> sockets = byRoom.get(event.roomId());
    if (sockets == null) {
      return;
    }
    for (ClientSocket socket : sockets) {
      if (socket.user().id() != event.skipUserId() && !socket.blocks(event.fromUserId())) {
        socket.deliver(event.roomId(), event.messageId(), event.frame());
        touched.add(socket);
      }
    }
  }

  void opened(ClientSocket socket) {
    all.add(socket);
    byUser.computeIfAbsent(socket.user().id(), id -> ConcurrentHashMap.newKeySet()).add(socket);
  }

  void closed(ClientSocket socket) {
    all.remove(socket);
    removeFrom(byUser, socket.user().id(), socket);
  }

  void add(long roomId, ClientSocket socket) {
    byRoom.computeIfAbsent(roomId, id -> ConcurrentHashMap.newKeySet()).add(socket);
  }

  void remove(long roomId, ClientSocket socket) {
    removeFrom(byRoom, roomId, socket);
  }

  private static void removeFrom(Map<Long, Set<ClientSocket>> index, long key, ClientSocket socket) {
    index.computeIfPresent(
        key,
        (id, sockets) -> {
          sockets.remove(socket);
          return sockets.isEmpty() ? null : sockets;
        });
  }

  Set<ClientSocket> all() {
    return all;
  }

  public int count() {
    return all.size();
  }

  /** Closes every socket with 1012: its client reconnects, through the balancer, and resumes. */
  void closeAll(String reason) {
    CloseReason restart = new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, reason);
    all.forEach(socket -> socket.close(restart));
  }
}
