package chat.chaos;

import chat.bots.Load;
import chat.bots.Report;
import chat.bots.Scenario;
import chat.testing.Pause;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The faults, one after the other, each in a bots run of its own: a steady stretch, the fault, then a
 * stretch for the cluster to recover, then the run drains (waits for everything still on its way) and
 * reports. A run per fault gives each fault its own counts of what was lost or came twice.
 */
final class ChaosRun {

  private static final Duration STEADY = Duration.ofSeconds(2);
  private static final Duration RECOVERY = Duration.ofSeconds(3);
  /** Longer than any fault: a run ends when its fault is over and the cluster recovered, not by this. */
  private static final Duration LONGEST = Duration.ofHours(1);

  private final LocalCluster cluster;
  private final PrintStream out;

  ChaosRun(LocalCluster cluster, PrintStream out) {
    this.cluster = cluster;
    this.out = out;
  }

  /**
   * 4 rooms x 10 members, half of them sending, a fifth of the messages direct to a friend, at
   * {@code rate} messages a second in all, through the balancer.
   */
  static Scenario scenario(URI balancer, int rate) {
    return new Scenario(
        List.of(balancer), "chaos", "chaos-password", 40, 4, 10, 0.5, rate, 100, 0.2, 0,
        Scenario.Spike.NONE, Scenario.Habits.NONE, Duration.ZERO, LONGEST);
  }

  ChaosReport run(Iterator<Fault> faults, int rate, Path tokenFile) throws InterruptedException {
    Scenario scenario = scenario(cluster.uri(), rate);
    Load load = Load.prepare(scenario, tokenFile, out);
    List<String> rooms = IntStream.range(0, scenario.rooms()).mapToObj(scenario::roomName).toList();
    Fault.Target target = Fault.Target.in(cluster, rooms);
    List<FaultOutcome> outcomes = new ArrayList<>();
    while (faults.hasNext()) {
      Fault fault = faults.next();
      out.printf("%n=== %s: %s%n", fault, fault.description());
      long started = System.nanoTime();
      AtomicReference<RuntimeException> broke = new AtomicReference<>();
      AtomicReference<String> seen = new AtomicReference<>("");
      Report report =
          load.run(
              stop -> {
                Thread injector =
                    new Thread(
                        () -> {
                          try {
                            Pause.of(STEADY);
                            out.printf("--- %s now%n", fault);
                            seen.set(fault.inject(cluster, target));
                            out.printf("--- %s over; recovering%n", fault);
                            Pause.of(RECOVERY);
                          } catch (RuntimeException e) {
                            broke.set(e);
                          } finally {
                            stop.run();
                          }
                        },
                        "chaos-" + fault);
                injector.setDaemon(true);
                injector.start();
              });
      if (broke.get() != null) {
        throw new IllegalStateException("the fault " + fault + " could not be carried out", broke.get());
      }
      FaultOutcome outcome = FaultOutcome.of(fault, (System.nanoTime() - started) / 1e9, report, seen.get());
      outcomes.add(outcome);
      out.print(report.text());
    }
    return new ChaosReport(cluster.nodes().size(), rate, outcomes);
  }
}
