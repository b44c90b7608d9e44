package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), new Random(7));

  @Test
  void doublesEachAttemptWithinItsJitterBand() {
    long step = 500;
    for (int attempt = 1; attempt <= 5; attempt++, step *= 2) {
      for (int i = 0; i < 200; i++) {
        long delay = backoff.delay(attempt).toMillis();
        assertTrue(delay >= step / 2 && delay <= step, "attempt " + attempt + " waited " + delay + " ms");
      }
    }
  }

  @Test
  void neverWaitsLongerThanTheCapHoweverManyAttempts() {
    for (int attempt : new int[] {6, 10, 40, 1_000, Integer.MAX_VALUE}) {
      long delay = backoff.delay(attempt).toMillis();
      assertTrue(delay >= 7_500 && delay <= 15_000, "attempt " + attempt + " waited " + delay + " ms");
    }
  }

  @Test
  void spreadsClientsCutOffTogether() {
    Set<Long> delays = new HashSet<>();
    for (int client = 0; client < 100; client++) {
      delays.add(backoff.delay(4).toMillis());
    }
    assertTrue(delays.size() > 50, "100 clients chose only " + delays.size() + " distinct delays");
  }

  @Test
  void rejectsACapBelowTheFirstDelay() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
  }
}
