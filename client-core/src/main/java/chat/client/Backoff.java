package chat.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before reconnect attempt {@code n}: doubling from {@code first} up to {@code cap},
 * with "equal jitter" (half the step fixed, half random) so that a node's clients, all cut off at the
 * same moment, do not come back in one wave and knock the next node over.
 */
public final class Backoff {

  private final Duration first;
  private final Duration cap;
  private final RandomGenerator random;

  public Backoff(Duration first, Duration cap, RandomGenerator random) {
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= cap, got " + first + " and " + cap);
    }
    this.first = first;
    this.cap = cap;
    this.random = random;
  }

  /** 0.5 s, 1 s, 2 s ... up to 15 s, each with jitter. */
  public static Backoff standard() {
    return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), RandomGenerator.getDefault());
  }

  /** The longest wait between two attempts. */
  public Duration cap() {
    return cap;
  }

  /** The wait before attempt {@code attempt} (1 for the first retry). */
  public Duration delay(int attempt) {
    long step = first.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
    long ceiling = Math.min(step, cap.toMillis());
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }
}
