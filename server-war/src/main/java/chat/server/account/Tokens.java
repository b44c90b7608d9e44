package chat.server.account;

import chat.dto.User;
import chat.server.access.BanList;
import chat.server.config.ChatConfig;
import chat.server.config.SecretFile;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Bearer tokens ({@link SignedClaims}). Every node holding the same secret checks a token on its own,
 * with no session store: a token names its user and its account's token version, and expires. The role
 * comes from the account ({@link AccountStates}), never from the token, and a token older than its
 * account's version has been ended (log out everywhere, a new password, a ban).
 */
@ApplicationScoped
public class Tokens {

  private SignedClaims sealed;
  private Duration ttl;
  private Clock clock;
  private AccountStates accounts;
  private BanList bans;
  private Profiles profiles;

  /**
   * A token that passed: whose it is (with the account's role and profile now), its version and its
   * expiry.
   */
  public record Valid(User user, int version, long expiresEpochSecond) {}

  protected Tokens() {}

  @Inject
  Tokens(ChatConfig config, AccountStates accounts, BanList bans, Profiles profiles) {
    this.accounts = accounts;
    this.bans = bans;
    this.profiles = profiles;
    byte[] secret =
        config
            .tokenSecret()
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .orElseGet(() -> secretKeptIn(config.dataDir()));
    this.clock = Clock.systemUTC();
    this.sealed = new SignedClaims(secret, clock);
    this.ttl = config.tokenTtl();
  }

  String issue(User user, int tokenVersion) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    return sealed.seal(new SignedClaims.Claims(user.id(), user.username(), tokenVersion, expires));
  }

  /** A missing, forged, malformed, expired or ended token is refused, and a banned user's (403). */
  public Valid verify(String token) {
    SignedClaims.Claims claims = sealed.open(token);
    // A ban ends tokens too, but a banned user is told of the ban (403 banned, with which a client
    // shows why), not merely logged out.
    bans.checkUser(claims.sub());
    if (claims.ver() < accounts.tokenVersion(claims.sub())) {
      throw ChatException.unauthorized("this login was ended; log in again");
    }
    User user = profiles.current(User.of(claims.sub(), claims.name(), accounts.role(claims.sub())));
    return new Valid(user, claims.ver(), claims.exp());
  }

  /** Without CHAT_TOKEN_SECRET a node makes one once and keeps it, so tokens survive a restart. */
  private static byte[] secretKeptIn(Path dataDir) {
    return Base64.getUrlDecoder().decode(SecretFile.readOrCreate(dataDir.resolve("token-secret")));
  }
}
