package chat.chaos;

import chat.dto.WireJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chat-chaos}: the command line. */
@Command(
    name = "chat-chaos",
    mixinStandardHelpOptions = true,
    version = "chat-chaos 0.1",
    sortOptions = false,
    description = {
      "Starts nodes in one grid behind HAProxy on one PostgreSQL, all on 127.0.0.1, runs the bots at a steady "
          + "rate through the balancer and breaks the cluster, one fault at a time: kills a node and starts it "
          + "again, freezes one past the grid's heartbeat timeout, cuts the grid's links between the running "
          + "nodes and heals them, restarts the database, pauses it for 10 s, stalls a consumer until its node "
          + "closes it and has it resume, restarts every node in turn. Each "
          + "fault gets a bots run of its own; the report says, per fault, what was lost, what was shown or "
          + "came twice, how long users waited and every error the clients met, retried or not.",
      ""
    },
    footer = {
      "",
      "Each fault once (a few minutes): bin/chat-chaos",
      "An hour of faults at random:    bin/chat-chaos --soak 1h",
      "One fault:                      bin/chat-chaos --fault stall_a_consumer",
      "",
      "Exit code: 0 when nothing was lost or shown twice under any fault and no client met an error the contract does"
          + " not ask it to retry, 1 when one did, 2 when the run could not start."
    })
public final class ChaosMain implements Callable<Integer> {

  @Option(names = "--nodes", defaultValue = "3", paramLabel = "N", description = "Nodes. Default: ${DEFAULT-VALUE}")
  int nodes;

  @Option(names = "--rate", defaultValue = "50", paramLabel = "PER_SECOND", description = "Messages a second, all bots together. Default: ${DEFAULT-VALUE}")
  int rate;

  @Option(
      names = "--soak",
      paramLabel = "DURATION",
      description = "Faults at random, one after the other, for this long (e.g. 1h); without it, each fault once.")
  String soak;

  @Option(
      names = "--fault",
      paramLabel = "FAULT",
      description = "Only this fault, once (repeat the option for several): ${COMPLETION-CANDIDATES}.")
  List<Fault> only;

  @Option(names = "--seed", paramLabel = "N", description = "The seed of a soak's random faults, to repeat one.")
  Long seed;

  @Option(names = "--work", paramLabel = "DIR", description = "Where the cluster keeps its data and logs. Default: a new temporary directory")
  Path work;

  @Option(names = "--report", paramLabel = "DIR", description = "Where report.txt and report.json go. Default: chaos-reports/<date-time>")
  Path reportDir;

  private final PrintStream out;

  ChaosMain(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChaosMain(System.out)).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path workDir = work != null ? work : Files.createTempDirectory("chat-chaos");
    ChaosReport report;
    try (LocalCluster cluster = LocalCluster.start(workDir, nodes)) {
      out.printf("cluster up: %s (work in %s)%n", cluster.uri(), workDir);
      report = new ChaosRun(cluster, out).run(faults(), rate, workDir.resolve("tokens.properties"));
    }
    Path dir = reportDir != null ? reportDir : Path.of("chaos-reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.txt"), report.text());
    Files.writeString(dir.resolve("report.json"), WireJson.toJson(report));
    out.printf("%n%s%nwritten to %s%n", report.text(), dir.toAbsolutePath());
    return report.passed() ? 0 : 1;
  }

  /** Each fault once (or the ones named), or, for a soak, faults at random until its time is up. */
  private Iterator<Fault> faults() {
    if (soak == null) {
      return (only != null ? only : List.of(Fault.values())).iterator();
    }
    long deadline = System.nanoTime() + Duration.parse("PT" + soak.toUpperCase(Locale.ROOT)).toNanos();
    Random random = seed != null ? new Random(seed) : new Random();
    Fault[] all = Fault.values();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return System.nanoTime() < deadline;
      }

      @Override
      public Fault next() {
        return all[random.nextInt(all.length)];
      }
    };
  }
}
