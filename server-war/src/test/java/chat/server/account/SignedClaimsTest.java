package chat.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.dto.ErrorCode;
import chat.server.error.ChatException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedClaimsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
  private static final SignedClaims.Claims ANN = new SignedClaims.Claims(3, "ann", 2, NOW.getEpochSecond() + 60);

  private final SignedClaims node = signedWith("the cluster's secret", NOW);

  @Test
  void aTokenOpensOnAnyNodeWithTheSameSecret() {
    String token = node.seal(ANN);

    assertEquals(ANN, signedWith("the cluster's secret", NOW).open(token));
  }

  @Test
  void aTokenSealedWithAnotherSecretIsRefused() {
    assertRefused("invalid token", signedWith("another secret", NOW).seal(ANN));
  }

  @Test
  void claimsChangedAfterSealingAreRefused() {
    String token = node.seal(ANN);
    String admin = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"sub\":1,\"name\":\"root\",\"ver\":0,\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));

    assertRefused("invalid token", admin + token.substring(token.indexOf('.')));
  }

  @Test
  void whatIsNotATokenIsRefusedWithoutAnythingElseThrown() {
    assertRefused("a token is required", null);
    assertRefused("a token is required", " ");
    for (String malformed : new String[] {"no-dot-at-all", ".", "abc.", ".abc", "abc.!!!", "a.b.c", "\u0000.\u0000"}) {
      assertRefused("invalid token", malformed);
    }
  }

  @Test
  void aTokenIsRefusedFromTheSecondItExpires() {
    String token = node.seal(ANN);

    assertEquals(ANN, signedWith("the cluster's secret", NOW.plusSeconds(59)).open(token));
    assertRefused("token expired; log in again", token, signedWith("the cluster's secret", NOW.plusSeconds(60)));
  }

  private void assertRefused(String why, String token) {
    assertRefused(why, token, node);
  }

  private static void assertRefused(String why, String token, SignedClaims on) {
    ChatException refused = assertThrows(ChatException.class, () -> on.open(token), String.valueOf(token));
    assertEquals(ErrorCode.UNAUTHORIZED, refused.code());
    assertEquals(why, refused.getMessage());
  }

  private static SignedClaims signedWith(String secret, Instant now) {
    return new SignedClaims(secret.getBytes(StandardCharsets.UTF_8), Clock.fixed(now, ZoneOffset.UTC));
  }
}
