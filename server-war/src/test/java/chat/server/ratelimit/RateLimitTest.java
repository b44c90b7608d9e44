package chat.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  private long now = 1_000_000_000L;
  private final RateLimit fivePerTenSeconds = new RateLimit("messages", 5, Duration.ofSeconds(10), () -> now);

  @Test
  void aBurstOfThePermitsPassesThenTheNextIsRefusedWithWhenToTryAgain() {
    for (int i = 0; i < 5; i++) {
      fivePerTenSeconds.acquire("ann");
    }
    RateLimited refused = assertThrows(RateLimited.class, () -> fivePerTenSeconds.acquire("ann"));
    assertEquals(2, refused.retryAfterSeconds(), "one permit comes back every 2 s");
    assertEquals("too many messages; try again in 2 s", refused.getMessage());
  }

  @Test
  void permitsComeBackSteadilyNotAllAtTheEndOfTheWindow() {
    for (int i = 0; i < 5; i++) {
      fivePerTenSeconds.acquire("ann");
    }
    now += Duration.ofMillis(1500).toNanos();
    assertEquals(1, assertThrows(RateLimited.class, () -> fivePerTenSeconds.acquire("ann")).retryAfterSeconds());
    now += Duration.ofMillis(500).toNanos();
    fivePerTenSeconds.acquire("ann");
    assertThrows(RateLimited.class, () -> fivePerTenSeconds.acquire("ann"));
  }

  @Test
  void aBucketNeverHoldsMoreThanItsPermitsHoweverLongItRests() {
    now += Duration.ofDays(1).toNanos();
    for (int i = 0; i < 5; i++) {
      fivePerTenSeconds.acquire("ann");
    }
    assertThrows(RateLimited.class, () -> fivePerTenSeconds.acquire("ann"));
  }

  @Test
  void eachKeyHasABucketOfItsOwn() {
    for (int i = 0; i < 5; i++) {
      fivePerTenSeconds.acquire("ann");
    }
    fivePerTenSeconds.acquire("bob");
  }

  @Test
  void aRefundedPermitCanBeTakenAgainButNeverBeyondThePermits() {
    for (int i = 0; i < 5; i++) {
      fivePerTenSeconds.acquire("ann");
    }
    fivePerTenSeconds.refund("ann");
    fivePerTenSeconds.acquire("ann");
    assertThrows(RateLimited.class, () -> fivePerTenSeconds.acquire("ann"));

    fivePerTenSeconds.refund("bob"); // no bucket yet: nothing to give back, nothing made
    fivePerTenSeconds.acquire("cat");
    fivePerTenSeconds.refund("cat");
    fivePerTenSeconds.refund("cat");
    for (int i = 0; i < 5; i++) {
      fivePerTenSeconds.acquire("cat");
    }
    assertThrows(RateLimited.class, () -> fivePerTenSeconds.acquire("cat"));
  }

  @Test
  void aSettingReadsAsCountPerSeconds() {
    RateLimit parsed = RateLimit.parse("CHAT_RATE_MESSAGES", " 20 / 10 ");
    assertEquals(20, parsed.permits());
    assertEquals(new chat.dto.Rate(20, 10, "user"), parsed.rate("user"));
    for (String bad : new String[] {"20", "20/", "/10", "a/10", "20/10/5", "0/10", "20/0", "-1/10"}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("CHAT_RATE_MESSAGES", bad), bad);
      assertEquals(true, refused.getMessage().startsWith("CHAT_RATE_MESSAGES "), refused.getMessage());
    }
  }
}
