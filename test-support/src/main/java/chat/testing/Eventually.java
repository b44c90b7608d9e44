package chat.testing;

import java.time.Duration;

/** For what the cluster makes true within seconds rather than at once: retries until it holds. */
public final class Eventually {

  private Eventually() {}

  public static void within(Duration limit, Runnable assertion) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      Pause.of(Duration.ofMillis(100));
    }
  }
}
