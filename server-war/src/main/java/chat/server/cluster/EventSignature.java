package chat.server.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs each event with HMAC-SHA256 under a key derived from the cluster secret, so that only nodes
 * holding the secret can put an event on the topic: whoever else reaches the grid's port could
 * otherwise unban a user in every node's memory or inject a message. An event travels as
 * {@code base64url(signature) "." encoded}.
 */
final class EventSignature {

  private static final String MAC = "HmacSHA256";
  /** Separates this key from any other made from the same secret. */
  private static final String PURPOSE = "chat cluster events v1";

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int SIGNATURE_CHARS = 43;

  private final SecretKeySpec key;

  EventSignature(byte[] clusterSecret) {
    this.key = new SecretKeySpec(hmac(new SecretKeySpec(clusterSecret, MAC), PURPOSE), MAC);
  }

  String sign(String encoded) {
    return ENCODER.encodeToString(hmac(key, encoded)) + "." + encoded;
  }

  /** The event inside, if its signature is this cluster's; empty for anything else. */
  Optional<String> verify(String signed) {
    if (signed == null || signed.length() <= SIGNATURE_CHARS || signed.charAt(SIGNATURE_CHARS) != '.') {
      return Optional.empty();
    }
    String encoded = signed.substring(SIGNATURE_CHARS + 1);
    byte[] claimed;
    try {
      claimed = DECODER.decode(signed.substring(0, SIGNATURE_CHARS));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(claimed, hmac(key, encoded)) ? Optional.of(encoded) : Optional.empty();
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
