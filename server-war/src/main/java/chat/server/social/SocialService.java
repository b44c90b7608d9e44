package chat.server.social;

import chat.dto.AccountOverview;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.Status;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.account.AccountService;
import chat.server.error.ChatException;
import chat.server.events.BlockChanged;
import chat.server.events.ChatEvent;
import chat.server.events.ChatEvents;
import chat.server.events.UserEvent;
import chat.server.presence.UserPresence;
import chat.server.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Friend requests, friendships and blocks. Each change is one transaction over the pair; once it has
 * committed, the users concerned hear of it on every node.
 */
@ApplicationScoped
public class SocialService {

  private AccountService accounts;
  private SocialStore store;
  private ChatEvents events;
  private UserPresence presence;
  private RateLimits limits;

  protected SocialService() {}

  @Inject
  SocialService(
      AccountService accounts,
      SocialStore store,
      ChatEvents events,
      UserPresence presence,
      RateLimits limits) {
    this.accounts = accounts;
    this.store = store;
    this.events = events;
    this.presence = presence;
    this.limits = limits;
  }

  /** Asks {@code username} to be friends, or accepts their request if they asked first. */
  public Status add(User me, String username) {
    limits.social().acquire(me.id());
    User other = other(me, username);
    if (other.role() == Role.SERVICE) {
      throw ChatException.forbidden(other.username() + " is a service; it cannot be a friend");
    }
    return change(
        me,
        other,
        (pair, news) -> {
          Relation relation = pair.relation();
          if (relation.iBlock()) {
            throw ChatException.forbidden("unblock " + other.username() + " first");
          }
          if (relation.theyBlock()) {
            throw ChatException.forbidden(other.username() + " does not accept requests from you");
          }
          if (relation.friends()) {
            return new Status("friends");
          }
          if (relation.requestedByThem()) {
            pair.befriend();
            news.add(tell(me.id(), new ServerFrame.FriendAdded(other)));
            news.add(tell(other.id(), new ServerFrame.FriendAdded(me)));
            return new Status("friends");
          }
          if (!relation.requestedByMe()) {
            pair.request();
            news.add(tell(other.id(), new ServerFrame.FriendRequested(me)));
          }
          return new Status("requested");
        });
  }

  /** Ends a friendship, or cancels or declines a request. */
  public Status remove(User me, String username) {
    limits.social().acquire(me.id());
    User other = other(me, username);
    return change(
        me,
        other,
        (pair, news) -> {
          unlink(pair, news, me, other);
          return new Status("removed");
        });
  }

  /** Blocks a user: their messages stop reaching the caller, and any friendship or request ends. */
  public Status block(User me, String username) {
    limits.social().acquire(me.id());
    User other = other(me, username);
    return change(
        me,
        other,
        (pair, news) -> {
          unlink(pair, news, me, other);
          if (!pair.relation().iBlock()) {
            pair.block();
            news.add(new BlockChanged(me.id(), other.id(), true));
          }
          return new Status("blocked");
        });
  }

  public Status unblock(User me, String username) {
    limits.social().acquire(me.id());
    User other = other(me, username);
    return change(
        me,
        other,
        (pair, news) -> {
          if (pair.relation().iBlock()) {
            pair.unblock();
            news.add(new BlockChanged(me.id(), other.id(), false));
          }
          return new Status("unblocked");
        });
  }

  /** The user with their friends (and which of them are online), requests in and out, whom they block. */
  public AccountOverview overview(User caller) {
    User me = accounts.current(caller);
    List<User> friends = store.friendsOf(me.id());
    Set<Long> online = presence.onlineAmong(friends.stream().map(User::id).toList());
    return new AccountOverview(
        me,
        friends,
        store.requestsTo(me.id()),
        store.requestsFrom(me.id()),
        store.blockedBy(me.id()),
        friends.stream().filter(f -> online.contains(f.id())).map(User::username).toList());
  }

  public boolean friends(long a, long b) {
    return store.friends(a, b);
  }

  /** Whom a user blocks, for a socket of theirs that just opened. */
  public Set<Long> blockedBy(long userId) {
    return store.blockedIds(userId);
  }

  /** The user named, who must exist and not be the caller. */
  public User other(User me, String username) {
    User other = accounts.named(username);
    if (other.id() == me.id()) {
      throw ChatException.invalid("that is you");
    }
    return other;
  }

  /** Ends a friendship or request, if any, and tells both. */
  private static void unlink(SocialStore.Pair pair, List<ChatEvent> news, User me, User other) {
    if (pair.relation().linked()) {
      pair.unfriend();
      news.add(tell(me.id(), new ServerFrame.FriendRemoved(other)));
      news.add(tell(other.id(), new ServerFrame.FriendRemoved(me)));
    }
  }

  private static ChatEvent tell(long userId, ServerFrame frame) {
    return UserEvent.to(userId, WireJson.toJson(frame));
  }

  /** A change to a pair, which gathers the news it makes; the news goes out once the change commits. */
  @FunctionalInterface
  private interface PairChange<T> {
    T apply(SocialStore.Pair pair, List<ChatEvent> news);
  }

  private <T> T change(User me, User other, PairChange<T> change) {
    List<ChatEvent> news = new ArrayList<>();
    T result = store.change(me.id(), other.id(), pair -> change.apply(pair, news));
    news.forEach(events::publish);
    return result;
  }
}
