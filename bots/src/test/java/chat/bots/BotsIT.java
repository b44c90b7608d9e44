package chat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.testing.TwoNodes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool as an operator runs it, against a real two-node cluster, its users spread over both nodes. */
class BotsIT {

  @TempDir static Path dataDir;
  private static TwoNodes cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TwoNodes.start(dataDir);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aShortRunDeliversEveryMessageOnceAndReportsEveryFigure() throws IOException {
    Path tokens = dataDir.resolve("tokens.properties");
    Path reportDir = dataDir.resolve("report");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = run(args("2s", "4s", tokens, reportDir), out);

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed);
    assertTrue(printed.contains("measured"), "a progress line a second:\n" + printed);
    assertTrue(printed.contains("target limits: messages up to 2000 characters; connections "), printed);
    JsonObject report = Json.createReader(new StringReader(Files.readString(reportDir.resolve("report.json")))).readObject();
    long sent = report.getJsonNumber("sent").longValue();
    assertTrue(sent >= 500, "about 600 messages in 6 s: " + sent);
    assertEquals(sent, report.getJsonNumber("acknowledged").longValue());
    assertEquals(sent * 9, report.getJsonNumber("deliveriesExpected").longValue(), "each to the 9 others of its room");
    assertEquals(sent * 9, report.getJsonNumber("deliveriesReceived").longValue());
    assertEquals(0, report.getJsonNumber("missing").longValue());
    assertEquals(0, report.getJsonNumber("duplicates").longValue());
    for (String latency : new String[] {"acknowledgement", "senderToOthers", "sendLag"}) {
      JsonObject figures = report.getJsonObject(latency);
      assertTrue(figures.getJsonNumber("count").longValue() > 0, latency);
      assertTrue(figures.getJsonNumber("p99").doubleValue() <= figures.getJsonNumber("max").doubleValue(), latency);
    }
    assertTrue(report.getJsonArray("seconds").size() >= 5, "a line per second");
    assertTrue(Files.readString(reportDir.resolve("report.txt")).contains("COMPLETE: nothing missing, nothing twice"));
    assertTrue(Files.readString(reportDir.resolve("report.html")).contains("<svg"));

    // A second run reuses the users: their tokens were kept, so no password is checked again.
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    assertEquals(0, run(args("0s", "1s", tokens, dataDir.resolve("again")), again), again.toString(StandardCharsets.UTF_8));
    assertTrue(again.toString(StandardCharsets.UTF_8).contains("users: 20 ready (20 tokens kept from an earlier run)"));
  }

  @Test
  void botsThatKeepLosingTheirSocketsResumeAndMissNothingInRoomsOrDirectMessagesWithTheAppsHabits() throws IOException {
    Path reportDir = dataDir.resolve("churn");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] args = {
      "--target", cluster.a.uri() + "," + cluster.b.uri(), "--prefix", "churner",
      "--rooms", "2", "--members", "10", "--senders", "0.5", "--rate", "100", "--churn", "4", "--direct", "0.2",
      "--mark-read", "--type-first", "--warmup", "1s", "--duration", "6s",
      "--tokens", dataDir.resolve("churn-tokens.properties").toString(), "--report", reportDir.toString()
    };

    int exit = run(args, out);

    assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    JsonObject report = Json.createReader(new StringReader(Files.readString(reportDir.resolve("report.json")))).readObject();
    assertTrue(report.getJsonNumber("reconnects").longValue() >= 10, "about 28 drops in 7 s: " + report);
    assertEquals(0, report.getJsonNumber("missing").longValue());
    assertEquals(0, report.getJsonNumber("duplicates").longValue());
    long sent = report.getJsonNumber("sent").longValue();
    assertEquals(sent, report.getJsonNumber("acknowledged").longValue());
    long expected = report.getJsonNumber("deliveriesExpected").longValue();
    assertTrue(expected > 0 && expected < sent * 9, "a fifth went to one friend, not to 9 others: " + expected);
    assertTrue(report.getJsonNumber("readMarkers").longValue() >= 20 * 5, "each bot a marker a second: " + report);
    assertTrue(report.getJsonNumber("typingHeard").longValue() > 0, "the senders typed: " + report);
    assertTrue(
        report.getJsonObject("refusals").keySet().stream().allMatch(code -> code.endsWith(", retried")),
        "nothing refused but what the connection retried, typing and markers included: " + report.getJsonObject("refusals"));
  }

  @Test
  void aRunSpreadOverTwoProcessesIsReportedAsOne() throws IOException {
    Path reportDir = dataDir.resolve("spread");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] args = {
      "--target", cluster.a.uri() + "," + cluster.b.uri(), "--prefix", "spread",
      "--rooms", "2", "--members", "10", "--senders", "0.5", "--rate", "100", "--procs", "2",
      "--warmup", "1s", "--duration", "4s",
      "--tokens", dataDir.resolve("spread-tokens.properties").toString(), "--report", reportDir.toString()
    };

    int exit = run(args, out);

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed);
    assertTrue(printed.contains("all 2 parts connected"), printed);
    assertTrue(printed.contains("sockets 20"), "one line a second for both processes:\n" + printed);
    JsonObject report = Json.createReader(new StringReader(Files.readString(reportDir.resolve("report.json")))).readObject();
    long sent = report.getJsonNumber("sent").longValue();
    assertTrue(sent >= 300, "about 500 messages in 5 s, from both processes: " + sent);
    assertEquals(sent, report.getJsonNumber("acknowledged").longValue());
    assertEquals(sent * 9, report.getJsonNumber("deliveriesReceived").longValue(), "each to the 9 others, whichever process holds them");
    assertEquals(0, report.getJsonNumber("missing").longValue());
    assertEquals(0, report.getJsonNumber("duplicates").longValue());
  }

  /** 2 rooms of 10 on both nodes, 5 senders in each, 100 messages a second. */
  private static String[] args(String warmUp, String duration, Path tokens, Path reportDir) {
    return new String[] {
      "--target", cluster.a.uri() + "," + cluster.b.uri(),
      "--rooms", "2", "--members", "10", "--senders", "0.5", "--rate", "100",
      "--warmup", warmUp, "--duration", duration,
      "--tokens", tokens.toString(), "--report", reportDir.toString()
    };
  }

  private static int run(String[] args, ByteArrayOutputStream out) {
    return Main.commandLine(new Main(new PrintStream(out, true, StandardCharsets.UTF_8))).execute(args);
  }
}
