package chat.server.bench;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.WireJson;
import chat.server.testing.ChatHttp;
import chat.testing.TwoNodes;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a message takes from a client on node A to a client on node B: senders on A send at a fixed
 * total rate (open loop), a receiver on B in each room notes when each arrives. Both ends are in this JVM,
 * so one clock measures the whole path: socket, store, topic, socket.
 */
class CrossNodeLatencyBenchmark {

  private static final int RATE = Integer.getInteger("bench.rate", 1000);
  private static final int ROOMS = Integer.getInteger("bench.rooms", 20);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 60);

  @TempDir Path dataDir;

  @Test
  void measure() throws Exception {
    try (TwoNodes cluster = TwoNodes.start(dataDir)) {
      ChatHttp a = new ChatHttp(cluster.a.uri());
      ChatHttp b = new ChatHttp(cluster.b.uri());
      HttpClient client = HttpClient.newHttpClient();
      List<WebSocket> senders = new ArrayList<>();
      List<Receiver> receivers = new ArrayList<>();
      Authenticated owner = a.signUp("owner", "owner-password");
      for (int r = 0; r < ROOMS; r++) {
        String room = "latency-" + r;
        a.createRoom(owner.token(), room);
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        join(client, b, b.signUp("receiver" + r, "receiver-password"), room, receiver);
        senders.add(join(client, a, a.signUp("sender" + r, "sender-password"), room, new Receiver()));
      }
      long interval = 1_000_000_000L / RATE;
      long warmUpEnd = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
      long end = warmUpEnd + SECONDS * 1_000_000_000L;
      long next = System.nanoTime();
      long sent = 0;
      for (int i = 0; System.nanoTime() < end; i++) {
        LockSupport.parkNanos(next - System.nanoTime());
        next += interval;
        long now = System.nanoTime();
        if (now >= warmUpEnd && receivers.get(0).measuring == false) {
          receivers.forEach(r -> r.measuring = true);
        }
        String room = "latency-" + (i % ROOMS);
        senders.get(i % ROOMS).sendText(WireJson.toJson(new ClientFrame.SendChatMessage(room, "t" + now, null)), true);
        sent++;
      }
      Thread.sleep(2000);
      long[] latencies = receivers.stream().flatMapToLong(r -> Arrays.stream(r.samples, 0, r.count.get())).sorted().toArray();
      String report =
          """
          cross-node: %d msg/s offered from node A to %d rooms, a receiver on node B in each, %d s
            received on B: %d (%.0f msg/s)
            latency A -> B: p50 %.1f ms, p99 %.1f ms, max %.1f ms
          """
              .formatted(
                  RATE, ROOMS, SECONDS, latencies.length, latencies.length / (double) SECONDS,
                  BenchNode.percentileMillis(latencies, 0.50), BenchNode.percentileMillis(latencies, 0.99), BenchNode.percentileMillis(latencies, 1.0));
      BenchNode.report("cross-node-latency.txt", report);
    }
  }

  private static WebSocket join(HttpClient client, ChatHttp node, Authenticated user, String room, Receiver receiver) {
    WebSocket socket = node.socketBuilder(client, user.token()).buildAsync(node.socketUri(), receiver).join();
    socket.sendText(WireJson.toJson(new ClientFrame.JoinRoom(room)), true).join();
    receiver.joined.orTimeout(30, TimeUnit.SECONDS).join();
    return socket;
  }


  /** Notes how long each message took, from the send time carried in its text. */
  private static final class Receiver implements WebSocket.Listener {
    final CompletableFuture<Void> joined = new CompletableFuture<>();
    final long[] samples = new long[200_000];
    final AtomicInteger count = new AtomicInteger();
    volatile boolean measuring;
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        long now = System.nanoTime();
        if (frame.startsWith("{\"type\":\"room_joined\"")) {
          joined.complete(null);
        } else if (measuring && frame.startsWith("{\"type\":\"new_chat_message\"")) {
          int start = frame.indexOf("\"text\":\"t") + "\"text\":\"t".length();
          long sentAt = Long.parseLong(frame, start, frame.indexOf('"', start), 10);
          int slot = count.getAndIncrement();
          if (slot < samples.length) {
            samples[slot] = now - sentAt;
          }
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
