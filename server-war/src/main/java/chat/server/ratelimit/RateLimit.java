package chat.server.ratelimit;

import chat.dto.Rate;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} events per key per window, as a token bucket per key that refills steadily:
 * a burst of {@code permits} passes, then one per {@code window / permits}. Kept in this node's
 * memory: behind a sticky load balancer a user or address mostly meets one node.
 */
public final class RateLimit {

  /** Past this many keys, buckets that have refilled completely are dropped. */
  private static final int SWEEP_ABOVE = 10_000;

  private final String name;
  private final int permits;
  private final Duration window;
  private final double nanosPerPermit;
  /** Nanoseconds on a steady clock: System::nanoTime, or a test's. */
  private final LongSupplier clock;
  private final ConcurrentHashMap<Object, Bucket> buckets = new ConcurrentHashMap<>();

  /** Reads a setting such as {@code 20/10}: 20 events per 10 seconds. */
  public static RateLimit parse(String name, String setting) {
    String[] parts = setting.trim().split("/");
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      int permits = Integer.parseInt(parts[0].trim());
      return new RateLimit(name, permits, Duration.ofSeconds(Long.parseLong(parts[1].trim())));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must read as count/seconds, such as 20/10: " + setting);
    }
  }

  public RateLimit(String name, int permits, Duration window) {
    this(name, permits, window, System::nanoTime);
  }

  RateLimit(String name, int permits, Duration window, LongSupplier clock) {
    if (permits < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(name + " needs at least one event per positive window");
    }
    this.name = name;
    this.permits = permits;
    this.window = window;
    this.nanosPerPermit = (double) window.toNanos() / permits;
    this.clock = clock;
  }

  /** Takes a permit for {@code key}, or refuses with when the next one comes. */
  public void acquire(Object key) {
    long wait = bucket(key).take(clock.getAsLong());
    if (wait > 0) {
      throw refusal(wait);
    }
  }

  /**
   * Gives back a permit taken by {@link #acquire} for an attempt that turned out not to count (a login
   * with the right password): reserving first means concurrent attempts cannot all slip past the limit.
   */
  public void refund(Object key) {
    Bucket bucket = buckets.get(key);
    if (bucket != null) {
      bucket.giveBack();
    }
  }

  public int permits() {
    return permits;
  }

  /** The limit as the wire shows it, counted per {@code per} ("user" or "address"). */
  public Rate rate(String per) {
    return new Rate(permits, window.toSeconds(), per);
  }

  private RateLimited refusal(long waitNanos) {
    return new RateLimited("too many " + name, Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
  }

  private Bucket bucket(Object key) {
    if (buckets.size() > SWEEP_ABOVE) {
      long now = clock.getAsLong();
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(permits));
  }

  private final class Bucket {
    private double tokens;
    private long refilledAt = clock.getAsLong();

    Bucket(double tokens) {
      this.tokens = tokens;
    }

    /** Takes a token and answers 0, or answers how many nanoseconds until one is there. */
    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return waitFor(now);
    }

    synchronized long waitFor(long now) {
      refill(now);
      return tokens >= 1 ? 0 : (long) ((1 - tokens) * nanosPerPermit);
    }

    synchronized void giveBack() {
      tokens = Math.min(permits, tokens + 1);
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= permits;
    }

    private void refill(long now) {
      tokens = Math.min(permits, tokens + (now - refilledAt) / nanosPerPermit);
      refilledAt = now;
    }
  }
}
