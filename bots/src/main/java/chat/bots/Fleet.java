package chat.bots;

import chat.dto.WireJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run spread over several processes ({@code --procs}), for more sockets than one process may open:
 * this process prepares the users, starts one copy of the tool per part ({@code --part K/N}, the same
 * arguments otherwise), lets them all start sending at once when every bot of every part is in its
 * rooms, prints their seconds merged into one line each, and merges their reports into one.
 *
 * <p>A part speaks to this process in lines on its standard output: {@code READY} once connected,
 * {@code SECOND <json>} every second, {@code REPORT <json>} at the end; it starts sending when it reads
 * {@code GO} on its standard input. What it says for the operator goes to its standard error, which is
 * this process's.
 */
final class Fleet {

  private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(10);

  private final int procs;
  private final List<String> arguments;
  private final Console console;
  private final List<Process> parts = new ArrayList<>();
  private final Map<Long, List<PartReport.Second>> seconds = new ConcurrentHashMap<>();
  private final Map<Integer, PartReport> reports = new ConcurrentHashMap<>();

  /** {@code arguments}: the command line the parts share; each gets its part and the run's id after it. */
  Fleet(int procs, List<String> arguments, Console console) {
    this.procs = procs;
    this.arguments = List.copyOf(arguments);
    this.console = console;
  }

  List<PartReport> run(String runId) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(procs);
    List<Thread> readers = new ArrayList<>();
    for (int index = 0; index < procs; index++) {
      Process process = start(new Part(index, procs), runId);
      parts.add(process);
      int part = index;
      Thread reader = new Thread(() -> listen(part, process, ready), "bots-part-" + index);
      reader.setDaemon(true);
      reader.start();
      readers.add(reader);
    }
    if (!ready.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      stop();
      throw new IllegalStateException("the parts were not all connected after " + CONNECT_TIMEOUT);
    }
    console.say("all %d parts connected: sending starts", procs);
    for (Process process : parts) {
      tell(process, Main.GO);
    }
    for (int index = 0; index < procs; index++) {
      int exit = parts.get(index).waitFor();
      readers.get(index).join();
      if (!reports.containsKey(index)) {
        throw new IllegalStateException("part " + new Part(index, procs) + " ended (exit " + exit + ") without its report");
      }
    }
    return List.copyOf(new TreeMap<>(reports).values());
  }

  /** Ctrl-C: every part stops sending and reports what ran. */
  void stop() {
    parts.forEach(Process::destroy);
  }

  private Process start(Part part, String runId) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(arguments);
    command.addAll(List.of("--procs", "1", "--part", part.toString(), "--run-id", runId));
    try {
      return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start part " + part, e);
    }
  }

  private void listen(int part, Process process, CountDownLatch ready) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.equals(Main.READY)) {
          ready.countDown();
        } else if (line.startsWith(Main.SECOND)) {
          heard(WireJson.fromJson(line.substring(Main.SECOND.length()), PartReport.Second.class));
        } else if (line.startsWith(Main.REPORT)) {
          reports.put(part, WireJson.fromJson(line.substring(Main.REPORT.length()), PartReport.class));
        } else {
          console.say("[part %d] %s", part, line);
        }
      }
    } catch (IOException e) {
      console.say("[part %d] lost: %s", part, e.getMessage());
    }
  }

  /** A part's second: once every part has told it, the merged line is printed. */
  private void heard(PartReport.Second second) {
    List<PartReport.Second> all = seconds.computeIfAbsent(second.second(), s -> new ArrayList<>());
    synchronized (all) {
      all.add(second);
      if (all.size() == procs) {
        console.say("%s", PartReport.Second.merge(all).line());
        seconds.remove(second.second());
      }
    }
  }

  private static void tell(Process process, String line) {
    try {
      Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      in.write(line + "\n");
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("a part is gone", e);
    }
  }
}
