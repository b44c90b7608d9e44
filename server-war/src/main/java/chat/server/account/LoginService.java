package chat.server.account;

import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.dto.ErrorCode;
import chat.dto.PasswordChange;
import chat.dto.User;
import chat.server.access.AddressKey;
import chat.server.access.BanList;
import chat.server.access.SeenAddresses;
import chat.server.error.ChatException;
import chat.server.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Signing up, logging in and proving one's password from an address: the address's ban and rate limit
 * come first, then the account, then the user's own ban; and the address is noted, since a later address
 * ban of the user reaches every address they were seen at.
 */
@ApplicationScoped
public class LoginService {

  private AccountService accounts;
  private BanList bans;
  private SeenAddresses seen;
  private RateLimits limits;

  protected LoginService() {}

  @Inject
  LoginService(AccountService accounts, BanList bans, SeenAddresses seen, RateLimits limits) {
    this.accounts = accounts;
    this.bans = bans;
    this.seen = seen;
    this.limits = limits;
  }

  public Authenticated signUp(Credentials credentials, String address) {
    bans.checkAddress(address);
    limits.signups().acquire(AddressKey.of(address));
    Authenticated created = accounts.signUp(credentials);
    seen.note(created.user(), address);
    return created;
  }

  /**
   * Failed logins from an address are limited, so passwords cannot be guessed at speed: every attempt
   * reserves a permit before its password is checked, and only a success gives it back, so guesses sent
   * at once cannot all pass. A ban is told only to who knows the password, so it reveals nothing about
   * an account.
   */
  public Authenticated logIn(Credentials credentials, String address) {
    bans.checkAddress(address);
    Authenticated authenticated =
        limitedLikeALogin(address, ErrorCode.UNAUTHORIZED, () -> accounts.logIn(credentials));
    bans.checkUser(authenticated.user().id());
    seen.note(authenticated.user(), address);
    return authenticated;
  }

  /**
   * A new password ends every older token; the answer carries a fresh one for this client. A wrong
   * current password counts as a failed login from the caller's address, so a stolen token cannot be
   * used to guess the password at speed.
   */
  public Authenticated changePassword(User caller, PasswordChange change, String address) {
    return limitedLikeALogin(address, ErrorCode.FORBIDDEN, () -> accounts.changePassword(caller, change));
  }

  /** Runs a password check on a login permit of the address's, given back unless the password was wrong. */
  private Authenticated limitedLikeALogin(String address, ErrorCode wrongPassword, Supplier<Authenticated> check) {
    String key = AddressKey.of(address);
    limits.loginFailures().acquire(key);
    try {
      Authenticated passed = check.get();
      limits.loginFailures().refund(key);
      return passed;
    } catch (ChatException refused) {
      if (refused.code() != wrongPassword) {
        limits.loginFailures().refund(key);
      }
      throw refused;
    }
  }
}
