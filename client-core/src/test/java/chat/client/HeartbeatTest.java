package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.testing.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  private static final Duration BEAT = Duration.ofSeconds(4);

  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
  private final MovableClock clock = new MovableClock();
  private final List<String> said = new ArrayList<>();
  private final Heartbeat heartbeat = new Heartbeat(loop, clock);

  @BeforeEach
  void start() {
    // The loop's one thread waits here, so that the checks are the test's alone.
    loop.submit(
        () -> {
          new CountDownLatch(1).await();
          return null;
        });
    heartbeat.heard();
    heartbeat.start(BEAT, () -> said.add("ping"), () -> said.add("silent"));
  }

  @AfterEach
  void stop() {
    heartbeat.stop();
    loop.shutdownNow();
  }

  @Test
  void pingsOnceABeatWhileTheServerAnswers() {
    for (int quarter = 1; quarter <= 12; quarter++) {
      clock.advance(BEAT.dividedBy(4));
      heartbeat.check();
      if (said.size() > 0 && said.getLast().equals("ping")) {
        heartbeat.heard();
      }
    }
    assertEquals(List.of("ping", "ping", "ping"), said);
  }

  @Test
  void givesUpAQuarterBeatAfterTwoSilentBeatsAndOnlyOnce() {
    for (int quarter = 1; quarter <= 9; quarter++) {
      clock.advance(BEAT.dividedBy(4));
      heartbeat.check();
    }
    assertEquals(List.of("ping", "ping", "silent"), said);
    clock.advance(BEAT);
    heartbeat.check();
    assertEquals(List.of("ping", "ping", "silent"), said);
  }

  @Test
  void anyFrameFromTheServerCountsAsHearingIt() {
    for (int quarter = 1; quarter <= 9; quarter++) {
      clock.advance(BEAT.dividedBy(4));
      heartbeat.heard();
      heartbeat.check();
    }
    assertEquals(List.of("ping", "ping"), said);
  }
}
