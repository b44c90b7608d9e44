package chat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat node as its own process, started as production starts one: {@code payara-config/launch-node}
 * running the release artifact {@code chat-node.jar}, configured only by CHAT_* environment variables,
 * bound to loopback. For tests that stop and start nodes, which an Arquillian deployment cannot
 * (docs/decisions/0002, 0018).
 */
public final class PayaraNode implements AutoCloseable {

  /** The ports {@link #freePort} draws from: below the ephemeral range, clear of the usual services. */
  private static final int FIRST_PORT = 20000;
  private static final int PORTS = 12000;
  private static final Random RANDOM_PORTS = new Random();

  /** Every port {@link #freePort} gave, so that it never gives one twice. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final String name;
  private final Map<String, String> environment;
  private final Path log;
  private Map<String, String> clusterEnvironment = Map.of();
  private List<String> jvmOptions = List.of();
  private String clusterName;
  private int hazelcastPort;
  private Process process;
  private int port;

  /**
   * Tests and benchmarks send from one address as many users; a test of the limits sets its own.
   */
  public static final Map<String, String> UNLIMITED =
      Map.ofEntries(
          Map.entry("CHAT_RATE_MESSAGES", "1000000/1"),
          Map.entry("CHAT_RATE_CONNECTIONS", "1000000/1"),
          Map.entry("CHAT_RATE_JOINS", "1000000/1"),
          Map.entry("CHAT_RATE_ROOMS", "1000000/1"),
          Map.entry("CHAT_RATE_SOCIAL", "1000000/1"),
          Map.entry("CHAT_RATE_DELETIONS", "1000000/1"),
          Map.entry("CHAT_RATE_EDITS", "1000000/1"),
          Map.entry("CHAT_RATE_REACTIONS", "1000000/1"),
          Map.entry("CHAT_RATE_UPLOADS", "1000000/1"),
          Map.entry("CHAT_RATE_MODERATION", "1000000/1"),
          Map.entry("CHAT_RATE_PROFILES", "1000000/1"),
          Map.entry("CHAT_RATE_READS", "1000000/1"),
          Map.entry("CHAT_RATE_TYPING", "1000000/1"),
          Map.entry("CHAT_RATE_SERVICES", "1000000/1"),
          Map.entry("CHAT_RATE_SIGNUPS", "1000000/1"));

  public PayaraNode(String name, Map<String, String> environment, Path workDir) {
    this.name = name;
    this.environment = new HashMap<>(UNLIMITED);
    this.environment.putAll(environment);
    this.log = workDir.resolve(name + ".log");
  }

  /**
   * Makes the node a member of a private cluster on loopback: its Hazelcast listens on
   * {@code hazelcastPort} and looks for the others at {@code members} ({@code host:port,...}).
   */
  public PayaraNode inCluster(String clusterName, int hazelcastPort, String members) {
    this.clusterName = clusterName;
    this.hazelcastPort = hazelcastPort;
    clusterEnvironment =
        Map.of(
            "CHAT_CLUSTER_NAME", clusterName,
            "CHAT_GRID_PORT", Integer.toString(hazelcastPort),
            "CHAT_GRID_MEMBERS", members);
    return this;
  }

  /** Adds options to the node's JVM: system properties of the data grid, for instance. */
  public PayaraNode withJvmOptions(List<String> options) {
    jvmOptions = List.copyOf(options);
    return this;
  }

  /**
   * Stops the process where it stands (SIGSTOP), as a stalled VM or a very long pause would: its
   * sockets stay open and nothing answers on them.
   */
  public void freeze() {
    signal("STOP");
  }

  /** Lets a frozen process run on (SIGCONT). */
  public void thaw() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts the node and waits until it reports ready. A node started again keeps its port, so its
   * clients find it where they left it, as behind a load balancer.
   */
  public PayaraNode start() {
    if (port == 0) {
      port = freePort();
    }
    try {
      launch();
    } catch (BootFailed e) {
      // Payara's own start races now and then (an HK2 ConcurrentModificationException in
      // WebContainerStarter) and leaves the process hanging: a second start is clean.
      kill();
      launch();
    }
    return this;
  }

  private void launch() {
    List<String> command = List.of("bash", System.getProperty("chat.it.launcher"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> launch = builder.environment();
    launch.put("JAVA_HOME", System.getProperty("java.home"));
    launch.put("CHAT_NODE_JAR", System.getProperty("chat.it.nodeJar"));
    launch.put("CHAT_BIND_ADDRESS", "127.0.0.1");
    launch.put("CHAT_PORT", Integer.toString(port));
    launch.put("CHAT_HEAP", "512m");
    launch.put("CHAT_JAVA_OPTS", String.join(" ", testJvmOptions(jvmOptions)));
    launch.put("CHAT_NODE_NAME", name);
    launch.putAll(clusterEnvironment);
    launch.putAll(environment);
    long logStart;
    try {
      Files.createDirectories(log.getParent());
      logStart = Files.exists(log) ? Files.size(log) : 0;
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady(logStart);
  }

  /**
   * The options a test node runs with: C1 alone (chat.it.quickJit, on in the test command, off for the
   * benchmarks) halves the CPU a node takes to start, and tests load nodes lightly.
   */
  public static List<String> testJvmOptions(List<String> options) {
    List<String> all = new ArrayList<>(options);
    if (Boolean.getBoolean("chat.it.quickJit")) {
      all.add(0, "-XX:TieredStopAtLevel=1");
    }
    return all;
  }

  /** Payara said it failed to start, before our application was even deployed. */
  private static final class BootFailed extends IllegalStateException {
    BootFailed(String message) {
      super(message);
    }
  }

  /** The data grid's cluster name, for a test that reaches the grid itself (as an intruder would). */
  public String clusterName() {
    return clusterName;
  }

  /** Where this node's data grid member listens. */
  public int hazelcastPort() {
    return hazelcastPort;
  }

  /** Where the node writes its log (every start appends). */
  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  /** Where clients reach it: {@code http://127.0.0.1:<port>/}. Kept across a restart. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** A graceful stop, as an operator or an orchestrator does it (SIGTERM). */
  public void stop() {
    stop(false);
  }

  /** SIGKILL: the node dies mid-work, as on a power cut, and cleans nothing up. */
  public void kill() {
    stop(true);
  }

  public String name() {
    return name;
  }

  private void stop(boolean kill) {
    if (process != null && process.isAlive()) {
      if (kill) {
        process.destroyForcibly();
      } else {
        process.destroy();
      }
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Until the node reports ready. Payara Micro keeps running when the application fails to deploy
   * (its readiness then answers 500 for ever), so the log is read for that too.
   */
  private void awaitReady(long logStart) {
    // HTTP/1.1: the JDK client otherwise asks for an h2c upgrade, and Grizzly's HTTP/2 once deadlocked two
    // listener threads of a starting node over it (seen in CI).
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start; see " + log);
      }
      String written = writtenSince(logStart);
      if (written.contains("Failed to start, exiting")) {
        throw new BootFailed(name + " failed to start; see " + log);
      }
      if (written.contains("Exception while loading the app")) {
        stop();
        throw new IllegalStateException(name + " failed to deploy the application; see " + log);
      }
      if (answersOk(client, ready)) {
        return;
      }
      Pause.of(Duration.ofMillis(250));
    }
    String lastAnswer = lastAnswer(client, ready);
    dumpThreads();
    stop();
    throw new IllegalStateException(
        name + " was not ready within " + START_TIMEOUT + " (readiness said: " + lastAnswer + "); see " + log);
  }

  /** The node's heap after a full collection (jcmd's GC.run, then GC.heap_info): what its objects hold. */
  public long liveHeapBytes() {
    String jcmd = jcmd().toString();
    String pid = Long.toString(process.pid());
    try {
      run(jcmd, pid, "GC.run");
      String info = run(jcmd, pid, "GC.heap_info");
      Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
      if (!used.find()) {
        throw new IllegalStateException("no heap figure in: " + info);
      }
      return Long.parseLong(used.group(1)) * 1024;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The running JDK's jcmd: one on the PATH may be an older JDK's, which cannot attach to the node. */
  private static Path jcmd() {
    return Path.of(System.getProperty("java.home"), "bin", "jcmd");
  }

  private static String run(String... command) throws IOException {
    Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** A node that never got ready leaves its threads in its log, so a hang can be read afterwards. */
  private void dumpThreads() {
    Path jcmd = jcmd();
    if (!Files.isExecutable(jcmd)) {
      return;
    }
    try {
      new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      // Only a diagnosis is lost.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@code request} is answered 200 now; not listening yet counts as no. */
  static boolean answersOk(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String writtenSince(long logStart) {
    try (var channel = Files.newByteChannel(log)) {
      channel.position(logStart);
      return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes());
    } catch (IOException e) {
      return "";
    }
  }

  private static String lastAnswer(HttpClient client, HttpRequest ready) {
    try {
      HttpResponse<String> answer = client.send(ready, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() + " " + answer.body();
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * A port free on loopback now, and never handed out before by this JVM: a port is chosen long before
   * what listens on it starts (a node's grid port is in the other node's member list), and the system,
   * asked again meanwhile, may give the same one twice (once a node's HTTP port was its partner's grid
   * port, and its grid joined itself over HTTP). Drawn below Linux's ephemeral range (32768 and up),
   * where connections take their local ports: a node's port in it, while the node is down, can be
   * taken by an outgoing connection, even one a relay retrying it made to itself (a TCP self-connect),
   * and the node cannot take it back when it starts again.
   */
  public static int freePort() {
    while (true) {
      int port = FIRST_PORT + RANDOM_PORTS.nextInt(PORTS);
      if (HANDED_OUT.contains(port)) {
        continue;
      }
      try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        // Bound, so nothing listens there now.
      } catch (IOException taken) {
        continue;
      }
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
  }
}
