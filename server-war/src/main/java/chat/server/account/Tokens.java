package chat.server.account;

import chat.dto.Role;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.platform.ChatConfig;
import chat.server.platform.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens: {@code base64url(claims).base64url(HMAC-SHA256)}. Every node holding the same secret
 * checks a token on its own, with no session store; a token names its user and role and expires.
 */
@ApplicationScoped
public class Tokens {

  private static final String MAC = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private SecretKeySpec key;
  private Duration ttl;
  private Clock clock;

  /** What a token says; short names keep the token short. */
  public record Claims(long sub, String name, Role role, long exp) {}

  protected Tokens() {}

  @Inject
  Tokens(ChatConfig config) {
    byte[] secret =
        config
            .tokenSecret()
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .orElseGet(() -> secretKeptIn(config.dataDir()));
    this.key = new SecretKeySpec(secret, MAC);
    this.ttl = config.tokenTtl();
    this.clock = Clock.systemUTC();
  }

  public String issue(User user) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    String claims = WireJson.toJson(new Claims(user.id(), user.username(), user.role(), expires));
    String payload = ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(sign(payload));
  }

  /** The user a token was issued to; a missing, forged, malformed or expired token is refused. */
  public User verify(String token) {
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
    return new User(claims.sub(), claims.name(), claims.role());
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
    Path file = dataDir.resolve("token-secret");
    try {
      if (Files.exists(file)) {
        return DECODER.decode(Files.readString(file).trim());
      }
      Files.createDirectories(dataDir);
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Path temporary = Files.createTempFile(dataDir, "token-secret", ".tmp");
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(temporary, ENCODER.encodeToString(secret));
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the token secret in " + file, e);
    }
  }
}
