package chat.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes tokens the way a node does, written again from the format rather than taken from the server,
 * so a test can present a correctly signed token that has expired, or one signed with the wrong key.
 */
public final class TokenForge {

  private TokenForge() {}

  public static String sign(String secret, long userId, String username, long expiresEpochSecond) {
    return signClaims(
        secret,
        "{\"exp\":%d,\"name\":\"%s\",\"sub\":%d,\"ver\":0}".formatted(expiresEpochSecond, username, userId));
  }

  /** Any claims at all, signed as a node signs: what a token's holder cannot change, short of the key. */
  public static String signClaims(String secret, String claims) {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String payload = encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return payload + "." + encoder.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The secret the test node was started with (see arquillian.xml). */
  public static String nodeSecret() {
    return System.getProperty("chat.it.tokenSecret");
  }
}
