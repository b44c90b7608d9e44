package chat.server.account;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.dto.ErrorCode;
import chat.dto.PasswordChange;
import chat.dto.ProfileChange;
import chat.dto.Role;
import chat.dto.User;
import chat.server.database.JpaService;
import chat.server.database.UniqueInsert;
import chat.server.error.ChatException;
import chat.server.events.AccountChanged;
import chat.server.input.InputText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-up, login and the caller's account. */
@ApplicationScoped
@Transactional
@JpaService
public class AccountService {

  /** Not a bcrypt hash: no password matches it. */
  private static final String NO_PASSWORD = "!";

  @PersistenceContext(unitName = "chat")
  EntityManager em;

  private PasswordHasher hasher;
  private Tokens tokens;
  private Event<AccountChanged> changes;
  private Event<ProfileChanged> profileChanges;

  protected AccountService() {}

  @Inject
  AccountService(
      PasswordHasher hasher,
      Tokens tokens,
      Event<AccountChanged> changes,
      Event<ProfileChanged> profileChanges) {
    this.hasher = hasher;
    this.tokens = tokens;
    this.changes = changes;
    this.profileChanges = profileChanges;
  }

  public Authenticated signUp(Credentials credentials) {
    Credentials checked = check(credentials);
    String username = CredentialPolicy.checkUsername(checked.username());
    String password = CredentialPolicy.checkPassword(checked.password());
    if (find(username).isPresent()) {
      throw taken(username);
    }
    Account account = new Account(username, hasher.hash(password), Role.USER, Instant.now());
    UniqueInsert.persist(em, account, () -> taken(username));
    return authenticated(account);
  }

  /**
   * A wrong password and an unknown user get the same answer, in the same time; a service has no
   * password and is as unknown.
   */
  public Authenticated logIn(Credentials credentials) {
    Credentials checked = check(credentials);
    Optional<Account> account =
        Optional.ofNullable(checked.username()).flatMap(this::find).filter(a -> a.role() != Role.SERVICE);
    if (account.isEmpty()) {
      hasher.spendTimeOfACheck(checked.password());
    } else if (hasher.matches(checked.password(), account.get().passwordHash())) {
      return authenticated(account.get());
    }
    throw ChatException.unauthorized("wrong username or password");
  }

  /** Ends every token of the caller's, on every node: "log out everywhere". */
  public void logOutEverywhere(User caller) {
    Account account = stored(caller);
    account.endTokens();
    changes.fire(account.change());
  }

  /**
   * Changes the caller's password, which ends every token issued before; the answer holds a new token
   * so the client that made the change stays logged in.
   */
  public Authenticated changePassword(User caller, PasswordChange change) {
    if (change == null || change.current() == null || change.password() == null) {
      throw ChatException.invalid("send {\"current\": ..., \"password\": ...}");
    }
    Account account = stored(caller);
    if (!hasher.matches(InputText.plain("current", change.current()), account.passwordHash())) {
      throw ChatException.forbidden("the current password is wrong");
    }
    String password = CredentialPolicy.checkPassword(InputText.plain("password", change.password()));
    account.changePassword(hasher.hash(password));
    changes.fire(account.change());
    return authenticated(account);
  }

  /**
   * Changes the caller's display name or status, or both. The account's row is locked, so two changes
   * at once through two nodes are numbered one after the other and every node keeps the later.
   */
  public User changeProfile(User caller, ProfileChange change) {
    ProfileChange checked = ProfilePolicy.check(change);
    Account account = em.find(Account.class, caller.id(), LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw ChatException.unauthorized("this account no longer exists");
    }
    account.changeProfile(checked.displayName(), checked.status());
    User user = account.toUser();
    profileChanges.fire(new ProfileChanged(user, account.profile()));
    return user;
  }

  private Account stored(User caller) {
    Account account = em.find(Account.class, caller.id());
    if (account == null) {
      throw ChatException.unauthorized("this account no longer exists");
    }
    return account;
  }

  /** The role and token version of every account unlike a new one: administrators, and ended tokens. */
  List<AccountChanged> unlikeNew() {
    return em.createQuery(
            "SELECT a FROM Account a WHERE a.tokenVersion > 0 OR a.role = :admin", Account.class)
        .setParameter("admin", Role.ADMIN)
        .getResultStream()
        .map(Account::change)
        .toList();
  }

  /** The caller as stored now. */
  public User current(User caller) {
    return stored(caller).toUser();
  }

  /**
   * The service of that name, made on its first key: an account that cannot log in (it has no
   * password hash, and {@link #logIn} passes services by). A person's name is taken.
   */
  public User service(String name) {
    String checked = CredentialPolicy.checkUsername(InputText.plain("name", name));
    Optional<Account> existing = find(checked);
    if (existing.isPresent()) {
      if (existing.get().role() != Role.SERVICE) {
        throw taken(checked);
      }
      return existing.get().toUser();
    }
    Account created = new Account(checked, NO_PASSWORD, Role.SERVICE, Instant.now());
    UniqueInsert.persist(em, created, () -> taken(checked));
    return created.toUser();
  }

  /** The user named (names compare ignoring case), who must exist. */
  public User named(String username) {
    if (username == null || username.isBlank()) {
      throw ChatException.invalid("send {\"username\": ...}");
    }
    InputText.plain("username", username);
    return find(username.trim())
        .map(Account::toUser)
        .orElseThrow(() -> ChatException.notFound("no user '" + username + "'"));
  }

  /**
   * The administrator named by the configuration: created with that password, or given it; answers the
   * change to tell the nodes once this has committed, if there was one. An existing ordinary account is
   * never promoted: that would hand it, and every session open on it, to whoever set the variable.
   */
  Optional<AccountChanged> ensureAdmin(String username, String password) {
    CredentialPolicy.checkUsername(username);
    CredentialPolicy.checkPassword(password);
    Optional<Account> existing = find(username);
    if (existing.isEmpty()) {
      Account created = new Account(username, hasher.hash(password), Role.ADMIN, Instant.now());
      UniqueInsert.persist(em, created, () -> taken(username));
      return Optional.of(created.change());
    }
    Account account = existing.get();
    if (account.role() != Role.ADMIN) {
      throw new IllegalStateException(
          "CHAT_ADMIN_USERNAME names '" + account.username() + "', an existing ordinary account. It is not"
              + " made an administrator: whoever owns it would become one. Name an account that does not"
              + " exist yet, or leave CHAT_ADMIN_USERNAME unset.");
    }
    if (!hasher.matches(password, account.passwordHash())) {
      account.changePassword(hasher.hash(password));
      return Optional.of(account.change());
    }
    return Optional.empty();
  }

  private Optional<Account> find(String username) {
    return em.createNamedQuery(Account.BY_NAME, Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  private Authenticated authenticated(Account account) {
    User user = account.toUser();
    return new Authenticated(tokens.issue(user, account.tokenVersion()), user);
  }

  private static Credentials check(Credentials credentials) {
    if (credentials == null || credentials.username() == null || credentials.password() == null) {
      throw ChatException.invalid("send {\"username\": ..., \"password\": ...}");
    }
    InputText.plain("username", credentials.username());
    InputText.plain("password", credentials.password());
    return credentials;
  }

  private static ChatException taken(String username) {
    return new ChatException(ErrorCode.CONFLICT, "the name '" + username + "' is taken");
  }
}
