package chat.server.account;

import chat.dto.User;
import chat.dto.WireJson;
import chat.server.access.BanList;
import chat.server.config.ChatConfig;
import chat.server.config.SecretFile;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens: {@code base64url(claims).base64url(HMAC-SHA256)}. Every node holding the same secret
 * checks a token on its own, with no session store: a token names its user and its account's token
 * version, and expires. The role comes from the account ({@link AccountStates}), never from the token,
 * and a token older than its account's version has been ended (log out everywhere, a new password, a
 * ban).
 */
@ApplicationScoped
public class Tokens {

  private static final String MAC = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private SecretKeySpec key;
  private Duration ttl;
  private Clock clock;
  private AccountStates accounts;
  private BanList bans;
  private Profiles profiles;

  /** What a token says; short names keep the token short. */
  public record Claims(long sub, String name, int ver, long exp) {}

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
    this.key = new SecretKeySpec(secret, MAC);
    this.ttl = config.tokenTtl();
    this.clock = Clock.systemUTC();
  }

  String issue(User user, int tokenVersion) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    String claims = WireJson.toJson(new Claims(user.id(), user.username(), tokenVersion, expires));
    String payload = ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(sign(payload));
  }

  /** A missing, forged, malformed, expired or ended token is refused, and a banned user's (403). */
  public Valid verify(String token) {
    if (token == null || token.isBlank()) {
      throw ChatException.unauthorized("a token is required");
    }
    int dot = token.indexOf('.');
    byte[] signature;
    try {
      signature = dot < 0 ? null : DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      signature = null;
    }
    if (signature == null || !MessageDigest.isEqual(signature, sign(token.substring(0, dot)))) {
      throw ChatException.unauthorized("invalid token");
    }
    Claims claims =
        WireJson.fromJson(
            new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8), Claims.class);
    if (claims.exp() <= clock.instant().getEpochSecond()) {
      throw ChatException.unauthorized("token expired; log in again");
    }
    // A ban ends tokens too, but a banned user is told of the ban (403 banned, with which a client
    // shows why), not merely logged out.
    bans.checkUser(claims.sub());
    if (claims.ver() < accounts.tokenVersion(claims.sub())) {
      throw ChatException.unauthorized("this login was ended; log in again");
    }
    User user = profiles.current(User.of(claims.sub(), claims.name(), accounts.role(claims.sub())));
    return new Valid(user, claims.ver(), claims.exp());
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  /** Without CHAT_TOKEN_SECRET a node makes one once and keeps it, so tokens survive a restart. */
  private static byte[] secretKeptIn(Path dataDir) {
    return DECODER.decode(SecretFile.readOrCreate(dataDir.resolve("token-secret")));
  }
}
