package chat.server.room;

import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.account.AccountService;
import chat.server.error.ChatException;
import chat.server.events.ChatEvents;
import chat.server.events.MembershipEnded;
import chat.server.events.SilenceChanged;
import chat.server.events.UserEvent;
import chat.server.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A room's own moderation (docs/protocol.md, "Working with messages"): its owner invites members to a
 * private room and names moderators; the owner and the moderators remove members and silence them.
 * The administrators may do all of it in every room. Each change holds on every node at once: a
 * member removed leaves on every device, as one who leaves does; a silence is an event every node keeps.
 * Not one transaction: each change is committed (by {@link RoomService}) before it is told, so that a
 * node that hears of it finds it stored.
 */
@ApplicationScoped
public class RoomModeration {

  /** A week: longer than that is a removal. */
  static final int MOST_MINUTES = 7 * 24 * 60;

  private RoomService rooms;
  private AccountService accounts;
  private ChatEvents events;
  private RateLimits limits;

  protected RoomModeration() {}

  @Inject
  RoomModeration(RoomService rooms, AccountService accounts, ChatEvents events, RateLimits limits) {
    this.rooms = rooms;
    this.accounts = accounts;
    this.events = events;
    this.limits = limits;
  }

  /** Adds {@code username} to the private room; their sockets join it, on every node. */
  public void invite(User caller, String roomName, String username) {
    RoomAccess room = moderated(caller, roomName);
    if (!room.isPrivate()) {
      throw ChatException.invalid("'" + room.name() + "' is public: anyone may join it");
    }
    User invited = accounts.named(username);
    if (invited.role() == Role.SERVICE) {
      throw ChatException.invalid(invited.username() + " is a service, which takes no part in rooms");
    }
    if (rooms.remember(room.id(), invited.id())) {
      String member = WireJson.toJson(new ServerFrame.MembershipChanged(room.name(), true));
      events.publish(UserEvent.to(invited.id(), member));
    }
  }

  /**
   * Ends {@code username}'s membership of the room, on every device at once. The owner stays, and a
   * moderator is removed by the owner (or an administrator) only. In a public room they may join again.
   */
  public void remove(User caller, String roomName, String username) {
    RoomAccess room = moderated(caller, roomName);
    User removed = accounts.named(username);
    RoomAccess theirs = rooms.access(room.name(), removed);
    if (theirs.ownedBy(removed)) {
      throw ChatException.forbidden("the owner of a room cannot be removed from it");
    }
    if (theirs.member() && theirs.moderator() && !room.ownedBy(caller) && caller.role() != Role.ADMIN) {
      throw ChatException.forbidden("only the owner removes a moderator");
    }
    if (!rooms.forget(room.id(), removed.id())) {
      throw ChatException.notFound(removed.username() + " is not a member of '" + room.name() + "'");
    }
    String member = WireJson.toJson(new ServerFrame.MembershipChanged(room.name(), false));
    events.publish(new MembershipEnded(removed.id(), room.id(), member));
  }

  /** Names ({@code on}) or unnames a moderator among the room's members: its owner's to do. */
  public void moderator(User caller, String roomName, String username, boolean on) {
    limits.moderation().acquire(caller.id());
    RoomAccess room = rooms.access(roomName, caller);
    if (!room.ownedBy(caller) && caller.role() != Role.ADMIN) {
      throw ChatException.forbidden("only the owner of '" + room.name() + "' names its moderators");
    }
    User named = accounts.named(username);
    if (!rooms.moderator(room.id(), named.id(), on)) {
      throw ChatException.notFound(named.username() + " is not a member of '" + room.name() + "'");
    }
    // Their membership told again, so that their clients read how they stand in the room again.
    String member = WireJson.toJson(new ServerFrame.MembershipChanged(room.name(), true));
    events.publish(UserEvent.to(named.id(), member));
  }

  /**
   * Refuses {@code username}'s messages in the room for {@code minutes} (0 lifts it), on every node.
   * The owner cannot be silenced, nor a moderator but by the owner.
   */
  public Instant silence(User caller, String roomName, String username, Integer minutes) {
    if (minutes == null || minutes < 0 || minutes > MOST_MINUTES) {
      throw ChatException.invalid("minutes is 0 (to lift it) to " + MOST_MINUTES);
    }
    RoomAccess room = moderated(caller, roomName);
    User silenced = accounts.named(username);
    RoomAccess theirs = rooms.access(room.name(), silenced);
    if (!theirs.member()) {
      throw ChatException.notFound(silenced.username() + " is not a member of '" + room.name() + "'");
    }
    if (theirs.ownedBy(silenced) || (theirs.moderator() && !room.ownedBy(caller) && caller.role() != Role.ADMIN)) {
      throw ChatException.forbidden("the owner, and a moderator but for the owner, cannot be silenced");
    }
    Instant until = Instant.now().plus(Duration.ofMinutes(minutes));
    rooms.silence(room.id(), silenced.id(), until);
    // In this order, from this node: each node keeps the silence before the user's sockets there hear of it.
    String told = WireJson.toJson(new ServerFrame.Silenced(room.name(), minutes == 0 ? null : until));
    events.publishAll(
        List.of(new SilenceChanged(room.id(), silenced.id(), until.toEpochMilli()), UserEvent.to(silenced.id(), told)));
    return until;
  }

  /** The room, which {@code caller} must moderate; a room they cannot see is {@code not_found}. */
  private RoomAccess moderated(User caller, String roomName) {
    limits.moderation().acquire(caller.id());
    RoomAccess room = rooms.access(roomName, caller);
    if (!room.moderatedBy(caller)) {
      throw ChatException.forbidden("only the owner and the moderators of '" + room.name() + "' may");
    }
    return room;
  }
}
