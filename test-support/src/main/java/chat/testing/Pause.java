package chat.testing;

import java.time.Duration;

/** A test that must let time pass (a node working through what it was sent) says so, and for how long. */
public final class Pause {

  private Pause() {}

  public static void of(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
