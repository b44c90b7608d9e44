package chat.server.account;

import chat.dto.Role;
import chat.server.events.AccountChanged;
import chat.server.events.ChatEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's role and token version as this node knows them, so a token is checked against the
 * account, not only its signature, without a query per request. Only accounts unlike a new one are
 * held (administrators, and accounts whose tokens were ended at least once): read at start, then kept
 * current by {@link AccountChanged} events from every node.
 */
@ApplicationScoped
public class AccountStates {

  private record State(int tokenVersion, Role role) {}

  private static final State NEW = new State(0, Role.USER);

  private final Map<Long, State> unlikeNew = new ConcurrentHashMap<>();
  private ChatEvents events;
  private AccountService accounts;

  protected AccountStates() {}

  @Inject
  AccountStates(ChatEvents events, AccountService accounts) {
    this.events = events;
    this.accounts = accounts;
  }

  /**
   * A change made on this node, once it has committed: applied here at once, then told to every node
   * (this one again, harmlessly). Observes the services' transactions; AdminBootstrap, which runs
   * outside one, calls it itself.
   */
  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
    apply(change);
    events.publish(change);
  }

  void load(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    readAgain();
  }

  /** Reads every account unlike a new one again, for a node that may have missed their events. */
  public void readAgain() {
    accounts.unlikeNew().forEach(this::apply);
  }

  /** Versions only rise: a late or repeated event cannot bring ended tokens back. */
  public void apply(AccountChanged change) {
    State now = new State(change.tokenVersion(), change.role());
    unlikeNew.merge(
        change.userId(),
        now,
        (before, after) -> new State(Math.max(before.tokenVersion(), after.tokenVersion()), after.role()));
  }

  /** Tokens of this account issued with a smaller version no longer count. */
  public int tokenVersion(long userId) {
    return unlikeNew.getOrDefault(userId, NEW).tokenVersion();
  }

  public Role role(long userId) {
    return unlikeNew.getOrDefault(userId, NEW).role();
  }
}
