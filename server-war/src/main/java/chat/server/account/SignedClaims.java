package chat.server.account;

import chat.dto.WireJson;
import chat.server.error.ChatException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A token's form, {@code base64url(claims).base64url(HMAC-SHA256)}: sealed with the cluster's token
 * secret and opened again on any node that holds it. What the claims mean for the account is
 * {@link Tokens}'s. Public only for JSON-B, which reads only public types.
 */
public final class SignedClaims {

  private static final String MAC = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** What a token says; short names keep the token short. */
  public record Claims(long sub, String name, int ver, long exp) {}

  private final SecretKeySpec key;
  private final Clock clock;

  SignedClaims(byte[] secret, Clock clock) {
    this.key = new SecretKeySpec(secret, MAC);
    this.clock = clock;
  }

  String seal(Claims claims) {
    String payload = ENCODER.encodeToString(WireJson.toJson(claims).getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(sign(payload));
  }

  /** The claims of a token this secret sealed and that has not expired; anything else is refused (401). */
  Claims open(String token) {
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
        WireJson.fromJson(new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8), Claims.class);
    if (claims.exp() <= clock.instant().getEpochSecond()) {
      throw ChatException.unauthorized("token expired; log in again");
    }
    return claims;
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
}
