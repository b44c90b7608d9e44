package chat.server.bench;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.WireJson;
import chat.server.testing.ChatHttp;
import chat.testing.PayaraNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an idle socket costs a node: opens {@code bench.sockets} authenticated sockets, each joined to a
 * room, and reads the node's live heap (after a full GC) and resident memory before and after. The
 * client side is the JDK's WebSocket, in this JVM.
 */
class IdleSocketsBenchmark {

  private static final int SOCKETS = Integer.getInteger("bench.sockets", 5000);
  private static final int ROOMS = 50;
  /** The JDK's own jcmd: the one on the PATH may be an older JDK's, which cannot attach to the node. */
  private static final String JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

  @TempDir Path dataDir;

  @Test
  void measure() throws Exception {
    try (PayaraNode node = BenchNode.start("idle", dataDir)) {
      ChatHttp http = new ChatHttp(node.uri());
      List<Authenticated> users = new ArrayList<>();
      for (int u = 0; u < 100; u++) {
        users.add(http.signUp("idle" + u, "idle-password"));
      }
      for (int r = 0; r < ROOMS; r++) {
        http.createRoom(users.get(0).token(), "idle-" + r);
      }
      // One socket first, so that everything loaded once per node is in the baseline.
      List<WebSocket> sockets = new ArrayList<>();
      HttpClient client = HttpClient.newHttpClient();
      sockets.add(open(client, http, users.get(0), "idle-0"));
      long heapBefore = node.liveHeapBytes();
      long rssBefore = rss(node.pid());
      for (int i = 1; i < SOCKETS; i++) {
        sockets.add(open(client, http, users.get(i % users.size()), "idle-" + (i % ROOMS)));
      }
      long heapAfter = node.liveHeapBytes();
      long rssAfter = rss(node.pid());
      String report =
          """
          idle sockets: %d sockets, each authenticated and in one of %d rooms
            live heap: %.1f MB -> %.1f MB, %.1f KB per socket
            resident:  %.1f MB -> %.1f MB, %.1f KB per socket
          """
              .formatted(
                  SOCKETS, ROOMS,
                  heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1024.0 / (SOCKETS - 1),
                  rssBefore / 1e6, rssAfter / 1e6, (rssAfter - rssBefore) / 1024.0 / (SOCKETS - 1));
      BenchNode.report("idle-sockets.txt", report);
      // Where the memory goes: the largest classes of the node's heap with every socket open.
      String histogram = run(JCMD, Long.toString(node.pid()), "GC.class_histogram");
      BenchNode.report(
          "idle-sockets-histogram.txt", String.join("\n", histogram.lines().limit(45).toList()));
      sockets.forEach(WebSocket::abort);
    }
  }

  private static WebSocket open(HttpClient client, ChatHttp http, Authenticated user, String room) {
    CompletableFuture<Void> joined = new CompletableFuture<>();
    WebSocket socket =
        http.socketBuilder(client, user.token())
            .buildAsync(
                http.socketUri(),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    if (data.toString().startsWith("{\"type\":\"room_joined\"")) {
                      joined.complete(null);
                    }
                    webSocket.request(1);
                    return null;
                  }
                })
            .join();
    socket.sendText(WireJson.toJson(new ClientFrame.JoinRoom(room)), true).join();
    joined.orTimeout(30, TimeUnit.SECONDS).join();
    return socket;
  }

  private static long rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return output;
  }
}
