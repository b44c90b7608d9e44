package chat.server.account;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.dto.ErrorCode;
import chat.dto.Role;
import chat.dto.User;
import chat.server.platform.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-up, login and the caller's account. */
@ApplicationScoped
@Transactional
public class AccountService {

  @PersistenceContext(unitName = "chat")
  EntityManager em;

  private PasswordHasher hasher;
  private Tokens tokens;

  protected AccountService() {}

  @Inject
  AccountService(PasswordHasher hasher, Tokens tokens) {
    this.hasher = hasher;
    this.tokens = tokens;
  }

  public Authenticated signUp(Credentials credentials) {
    Credentials checked = check(credentials);
    String username = CredentialPolicy.checkUsername(checked.username());
    String password = CredentialPolicy.checkPassword(checked.password());
    if (find(username).isPresent()) {
      throw taken(username);
    }
    Account account = new Account(username, hasher.hash(password), Role.USER, Instant.now());
    em.persist(account);
    em.flush();
    return authenticated(account);
  }

  /** A wrong password and an unknown user get the same answer, in the same time. */
  public Authenticated logIn(Credentials credentials) {
    Credentials checked = check(credentials);
    Optional<Account> account = Optional.ofNullable(checked.username()).flatMap(this::find);
    if (account.isEmpty()) {
      hasher.spendTimeOfACheck(checked.password());
    } else if (hasher.matches(checked.password(), account.get().passwordHash())) {
      return authenticated(account.get());
    }
    throw ChatException.unauthorized("wrong username or password");
  }

  /** The caller as stored now. */
  public User current(User caller) {
    Account account = em.find(Account.class, caller.id());
    if (account == null) {
      throw ChatException.unauthorized("this account no longer exists");
    }
    return account.toUser();
  }

  /** The administrator named by the configuration: created, or promoted and given that password. */
  void ensureAdmin(String username, String password) {
    CredentialPolicy.checkUsername(username);
    CredentialPolicy.checkPassword(password);
    Account account =
        find(username)
            .orElseGet(
                () -> {
                  Account created =
                      new Account(username, hasher.hash(password), Role.ADMIN, Instant.now());
                  em.persist(created);
                  return created;
                });
    if (!hasher.matches(password, account.passwordHash())) {
      account.changePassword(hasher.hash(password));
    }
    account.promote();
  }

  private Optional<Account> find(String username) {
    return em.createNamedQuery(Account.BY_NAME, Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  private Authenticated authenticated(Account account) {
    User user = account.toUser();
    return new Authenticated(tokens.issue(user), user);
  }

  private static Credentials check(Credentials credentials) {
    if (credentials == null || credentials.username() == null || credentials.password() == null) {
      throw ChatException.invalid("send {\"username\": ..., \"password\": ...}");
    }
    return credentials;
  }

  private static ChatException taken(String username) {
    return new ChatException(ErrorCode.CONFLICT, "the name '" + username + "' is taken");
  }
}
