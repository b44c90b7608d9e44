package chat.testing;

import java.time.Duration;
import java.util.List;

/**
 * JVM options that shorten the data grid's timeouts, so that a frozen node is dropped and merged back
 * in seconds rather than minutes, and that shorten the node's own freeze watch with them.
 */
public final class QuickGrid {

  /** How long the grid waits for a member's heartbeat before it drops the member. */
  public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);

  public static final List<String> OPTIONS =
      List.of(
          "-Dhazelcast.heartbeat.interval.seconds=1",
          "-Dhazelcast.max.no.heartbeat.seconds=" + HEARTBEAT_TIMEOUT.toSeconds(),
          "-Dhazelcast.merge.first.run.delay.seconds=5",
          "-Dhazelcast.merge.next.run.delay.seconds=5",
          "-Dchat.freeze.seconds=3");

  private QuickGrid() {}
}
