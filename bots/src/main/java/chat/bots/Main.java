package chat.bots;

import chat.client.ChatApiException;
import chat.dto.Limits;
import chat.dto.WireJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code chat-bots}: the command line. */
@Command(
    name = "chat-bots",
    mixinStandardHelpOptions = true,
    version = "chat-bots 0.1",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Loads a running chat cluster with bots: users that sign up (once: their tokens are kept), join rooms "
          + "and send at a fixed total rate, evenly spaced (open loop: a late send is sent and counted as send "
          + "lag, never skipped). Each bot is a client-core connection, so it reconnects, resumes and resends "
          + "as the desktop app does.",
      "At the end it reports what was sent, acknowledged and delivered, what is missing or came twice, and "
          + "the latencies of acknowledgement and sender-to-other-members, as text, JSON and an HTML page with charts. Ctrl-C stops the "
          + "sending and reports what ran.",
      ""
    },
    footer = {
      "",
      "Example: 10 rooms x 20 members, 10 senders in each, 1,000 messages a second, through the local balancer:",
      "  bin/chat-bots --target http://127.0.0.1:8080 --rooms 10 --members 20 --senders 0.5 --rate 1000",
      "",
      "A run repeats exactly from an argument file; bots/scenarios has steady, spike, churn, fanout and direct:",
      "  bin/chat-bots @bots/scenarios/steady.args [more options, which win]",
      "",
      "Exit code: 0 when nothing was missing or came twice, 1 when something was, 2 when the run could not start."
    })
public final class Main implements Callable<Integer> {

  @Option(
      names = "--target",
      split = ",",
      defaultValue = "http://127.0.0.1:8080",
      paramLabel = "URL",
      description = "A balancer, or the nodes themselves (comma-separated): users are spread over them in turn. Default: ${DEFAULT-VALUE}")
  List<URI> targets;

  @Option(names = "--users", paramLabel = "N", description = "Users; default rooms x members. More users than that only hold a socket.")
  Integer users;

  @Option(names = "--rooms", defaultValue = "10", paramLabel = "N", description = "Rooms. Default: ${DEFAULT-VALUE}")
  int rooms;

  @Option(names = "--members", defaultValue = "20", paramLabel = "N", description = "Members per room. Default: ${DEFAULT-VALUE}")
  int members;

  @Option(
      names = "--senders",
      defaultValue = "0.5",
      paramLabel = "SHARE",
      description = "Share of each room's members who send, 0 to 1. Default: ${DEFAULT-VALUE}")
  double senderShare;

  @Option(names = "--rate", defaultValue = "500", paramLabel = "PER_SECOND", description = "Messages a second, all senders together. Default: ${DEFAULT-VALUE}")
  int rate;

  @Option(names = "--size", defaultValue = "100", paramLabel = "CHARS", description = "Characters per message. Default: ${DEFAULT-VALUE}")
  int size;

  @Option(
      names = "--direct",
      defaultValue = "0",
      paramLabel = "SHARE",
      description = "Share of the messages sent as direct messages to the sender's friend (users are friends in pairs), 0 to 1. Default: ${DEFAULT-VALUE}")
  double directShare;

  @Option(names = "--churn", defaultValue = "0", paramLabel = "PER_SECOND", description = "Bots a second that drop their socket, as a failing network would, and resume. Default: ${DEFAULT-VALUE}")
  double churn;

  @Option(
      names = "--spike",
      paramLabel = "RATE:AT:LENGTH",
      converter = Spikes.class,
      description = "A burst: RATE messages a second, AT after sending starts, for LENGTH (e.g. 2000:20s:5s).")
  Scenario.Spike spike;

  @Option(names = "--mark-read", description = "Every bot marks its channels read once a second, up to the newest message it heard, as an app in view does.")
  boolean markRead;

  @Option(names = "--type-first", description = "Every sender tells the channel it is typing before each message (the server passes one a second per channel on).")
  boolean typeFirst;

  @Option(names = "--warmup", defaultValue = "10s", paramLabel = "DURATION", converter = Durations.class, description = "Sending before measuring (e.g. 10s, 2m). Default: ${DEFAULT-VALUE}")
  Duration warmUp;

  @Option(names = "--duration", defaultValue = "30s", paramLabel = "DURATION", converter = Durations.class, description = "The measured window. Default: ${DEFAULT-VALUE}")
  Duration duration;

  @Option(names = "--prefix", defaultValue = "bot", description = "Users are PREFIX-00000 and on, rooms PREFIX-room-000 and on. Default: ${DEFAULT-VALUE}")
  String prefix;

  @Option(names = "--password", defaultValue = "bots-password", description = "The users' password. Default: ${DEFAULT-VALUE}")
  String password;

  @Option(
      names = "--tokens",
      paramLabel = "FILE",
      description = "Where the users' tokens are kept between runs. Default: ~/.chat-bots/tokens.properties")
  Path tokens;

  @Option(
      names = "--procs",
      defaultValue = "1",
      paramLabel = "N",
      description = "Processes to spread the bots over, for more sockets than one process may open (each holds up to"
          + " about 19,000 here); their figures are merged into one report. Default: ${DEFAULT-VALUE}")
  int procs;

  /** Set by {@link Fleet} for the processes it starts. */
  @Option(names = "--part", hidden = true, converter = Part.Converter.class)
  Part part;

  @Option(names = "--run-id", hidden = true)
  String runId;

  @Option(names = "--report", paramLabel = "DIR", description = "Where report.txt, report.json and report.html go. Default: bots-reports/<date-time>")
  Path reportDir;

  /** The exit code of a run that could not start or ended in an error (1 is a run that lost messages). */
  static final int FAILED = 2;
  /** What a part of a spread run tells the process that started it (see {@link Fleet}). */
  static final String READY = "READY";
  static final String GO = "GO";
  static final String SECOND = "SECOND ";
  static final String REPORT = "REPORT ";

  @Spec CommandSpec spec;

  private final PrintStream out;

  Main(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(commandLine(new Main(System.out)).execute(args));
  }

  /**
   * The command line, where a scenario that makes no sense is a usage error and a target that refuses
   * or cannot be reached is one line, not a stack trace.
   */
  static CommandLine commandLine(Main main) {
    return new CommandLine(main)
        // An option given again wins, so a scenario file's run can be changed on the command line.
        .setOverwrittenOptionsAllowed(true)
        .setExecutionExceptionHandler(
            (failure, commandLine, parsed) -> {
              if (!(failure instanceof ChatApiException || failure instanceof IllegalStateException)) {
                throw failure;
              }
              commandLine.getErr().println("chat-bots: " + failure.getMessage());
              return FAILED;
            });
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Scenario scenario;
    try {
      if (procs < 1) {
        throw new IllegalArgumentException("--procs is 1 or more");
      }
      scenario = scenario();
    } catch (IllegalArgumentException nonsense) {
      throw new CommandLine.ParameterException(spec.commandLine(), nonsense.getMessage());
    }
    if (part != null) {
      return runPart(scenario);
    }
    Console console = new Console(out);
    Targets clients = new Targets(scenario);
    Limits limits = clients.of(0).limits();
    console.say("target limits: %s", TargetLimits.describe(limits));
    TargetLimits.warnings(scenario, limits).forEach(warning -> console.say("WARNING: %s", warning));
    List<String> tokens = new Population(scenario, clients, tokenFile(), console).prepare();
    String id = Run.newId();
    List<PartReport> parts;
    if (procs > 1) {
      List<String> shared = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
      shared.addAll(List.of("--tokens", tokenFile().toString()));
      Fleet fleet = new Fleet(procs, shared, console);
      parts = untilReported(fleet::stop, () -> fleet.run(id));
    } else {
      Run run = new Run(scenario, Part.WHOLE, id, clients, console);
      parts = untilReported(run::stop, () -> List.of(run.execute(tokens, () -> {}, second -> console.say("%s", second.line()))));
    }
    Report report = Report.of(scenario, id, parts);
    write(report);
    return report.complete() ? 0 : 1;
  }

  /**
   * One part of a run spread over processes: its bots, its share of the rate; it speaks to the process
   * that started it in lines on standard output, and to the operator on standard error.
   */
  private int runPart(Scenario scenario) throws InterruptedException {
    Console console = new Console(System.err, "[part " + part + "] ");
    Targets clients = new Targets(scenario);
    List<String> tokens = Population.kept(scenario, tokenFile(), part);
    Run run = new Run(scenario, part, runId, clients, console);
    BufferedReader orders = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<PartReport> report =
        untilReported(
            run::stop,
            () -> List.of(
                run.execute(
                    tokens,
                    () -> {
                      say(READY);
                      awaitGo(orders);
                    },
                    second -> say(SECOND + WireJson.toJson(second)))));
    say(REPORT + WireJson.toJson(report.get(0)));
    return 0;
  }

  /** Runs {@code run}; Ctrl-C calls {@code stop} and keeps the JVM up until what ran is reported. */
  private List<PartReport> untilReported(Runnable stop, Execution run) throws InterruptedException {
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.run();
              awaitQuietly(reported);
            },
            "bots-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run.execute();
    } finally {
      reported.countDown();
    }
  }

  /** A run, in one process or spread over several. */
  private interface Execution {
    List<PartReport> execute() throws InterruptedException;
  }

  private synchronized void say(String line) {
    out.println(line);
    out.flush();
  }

  private static void awaitGo(BufferedReader orders) {
    try {
      String order = orders.readLine();
      if (!GO.equals(order)) {
        throw new IllegalStateException("the process that started this part is gone");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path tokenFile() {
    return tokens != null ? tokens : Path.of(System.getProperty("user.home"), ".chat-bots", "tokens.properties");
  }

  private Scenario scenario() {
    return new Scenario(
        targets,
        prefix,
        password,
        users != null ? users : rooms * members,
        rooms,
        members,
        senderShare,
        rate,
        size,
        directShare,
        churn,
        spike != null ? spike : Scenario.Spike.NONE,
        new Scenario.Habits(markRead, typeFirst),
        warmUp,
        duration);
  }

  private void write(Report report) throws IOException {
    Path directory = reportDir != null ? reportDir : Path.of("bots-reports", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("report.txt"), report.text());
    Files.writeString(directory.resolve("report.json"), WireJson.toJson(report));
    Files.writeString(directory.resolve("report.html"), HtmlReport.of(report));
    out.println();
    out.print(report.text());
    out.println("report: " + directory.toAbsolutePath());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** "RATE:AT:LENGTH", such as "2000:20s:5s". */
  static final class Spikes implements CommandLine.ITypeConverter<Scenario.Spike> {

    @Override
    public Scenario.Spike convert(String text) {
      String[] parts = text.split(":");
      if (parts.length != 3) {
        throw new CommandLine.TypeConversionException("a spike is RATE:AT:LENGTH, such as 2000:20s:5s: " + text);
      }
      Durations durations = new Durations();
      return new Scenario.Spike(Integer.parseInt(parts[0].trim()), durations.convert(parts[1]), durations.convert(parts[2]));
    }
  }

  /** "500ms", "10s", "2m", "1h", or ISO-8601 ("PT10S"). */
  static final class Durations implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
      String value = text.trim().toLowerCase();
      if (value.startsWith("pt")) {
        return Duration.parse(text);
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new CommandLine.TypeConversionException("a duration is like 500ms, 10s, 2m or 1h: " + text);
      };
    }
  }
}
