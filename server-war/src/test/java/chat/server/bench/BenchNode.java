package chat.server.bench;

import chat.testing.PayaraNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What every benchmark shares: a node of its own on fresh data, and where reports go. */
final class BenchNode {

  private static final Path TARGET = Path.of(System.getProperty("chat.it.dataDir")).getParent();

  private BenchNode() {}

  /**
   * A node on fresh data; bcrypt is cheap so that setting up hundreds of users is quick. The node's JVM
   * gets {@code -Dbench.nodeOptions} (words), to compare JVM settings: {@code -XX:+UseCompactObjectHeaders}.
   */
  static PayaraNode start(String name, Path dataDir) {
    String options = System.getProperty("bench.nodeOptions", "").strip();
    return new PayaraNode(
            name,
            Map.of("CHAT_DATA_DIR", dataDir.toString(), "CHAT_BCRYPT_COST", "4"),
            TARGET.resolve("node-logs"))
        .withJvmOptions(options.isEmpty() ? List.of() : List.of(options.split("\\s+")))
        .start();
  }

  /** Prints a report and keeps it in target/benchmarks. */
  static void report(String file, String text) throws IOException {
    System.out.println(text);
    Path out = TARGET.resolve("benchmarks");
    Files.createDirectories(out);
    Files.writeString(out.resolve(file), text);
  }

  /** The p-th quantile (0 to 1) of sorted nanosecond samples, in milliseconds. */
  static double percentileMillis(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(p * sortedNanos.length) - 1));
    return sortedNanos[index] / 1e6;
  }
}
