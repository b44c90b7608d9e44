package chat.server.bench;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.WireJson;
import chat.server.testing.ChatHttp;
import chat.testing.PayaraNode;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store-and-send path under load, over real sockets against a real node with a durable embedded
 * PostgreSQL (fsync on). Senders keep a window of unacknowledged messages each; a message counts when
 * its sender gets it back, which the node does only after the commit. Reports, never asserts: run with
 * {@code ./mvnw -B verify -Pbench}; docs/benchmarks.md has the method and the figures.
 */
class StoreAndSendBenchmark {

  private static final int ROOMS = Integer.getInteger("bench.rooms", 10);
  private static final int SENDERS_PER_ROOM = Integer.getInteger("bench.senders", 10);
  private static final int LISTENERS_PER_ROOM = Integer.getInteger("bench.listeners", 10);
  private static final int WINDOW = Integer.getInteger("bench.window", 32);
  private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
  private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));

  @TempDir Path dataDir;

  @Test
  void measure() throws Exception {
    try (PayaraNode node = BenchNode.start("bench", dataDir)) {
      ChatHttp http = new ChatHttp(node.uri());
      HttpClient client = HttpClient.newHttpClient();
      Authenticated owner = http.signUp("owner", "owner-password");
      List<Sender> senders = new ArrayList<>();
      List<Listener> listeners = new ArrayList<>();
      for (int r = 0; r < ROOMS; r++) {
        String room = "bench-" + r;
        http.createRoom(owner.token(), room);
        for (int s = 0; s < SENDERS_PER_ROOM; s++) {
          senders.add(new Sender(client, http, http.signUp("s" + r + "_" + s, "sender-password"), room));
        }
        for (int l = 0; l < LISTENERS_PER_ROOM; l++) {
          listeners.add(new Listener(client, http, http.signUp("l" + r + "_" + l, "listener-password"), room));
        }
      }
      senders.forEach(Sender::start);
      Thread.sleep(WARM_UP.toMillis());
      senders.forEach(Sender::reset);
      listeners.forEach(Listener::reset);
      long started = System.nanoTime();
      Thread.sleep(MEASURE.toMillis());
      double seconds = (System.nanoTime() - started) / 1e9;
      senders.forEach(Sender::stop);

      long acknowledged = senders.stream().mapToLong(s -> s.acknowledged.get()).sum();
      long delivered = listeners.stream().mapToLong(l -> l.received.get()).sum();
      long[] latencies = senders.stream().flatMapToLong(s -> s.latencies()).sorted().toArray();
      String report =
          """
          store-and-send: %d rooms, %d senders and %d listeners each, window %d per sender, %d s
            stored and acknowledged: %.0f messages/s
            delivered to listeners:  %.0f frames/s
            acknowledgement latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)
          """
              .formatted(
                  ROOMS, SENDERS_PER_ROOM, LISTENERS_PER_ROOM, WINDOW, MEASURE.toSeconds(),
                  acknowledged / seconds, delivered / seconds,
                  BenchNode.percentileMillis(latencies, 0.50), BenchNode.percentileMillis(latencies, 0.99), BenchNode.percentileMillis(latencies, 1.0),
                  latencies.length);
      BenchNode.report("store-and-send.txt", report);
    }
  }


  /** A socket that joins a room and counts the frames it gets. */
  private static class Listener implements WebSocket.Listener {
    final AtomicLong received = new AtomicLong();
    final WebSocket socket;
    private final CountDownLatch joined = new CountDownLatch(1);
    private final StringBuilder partial = new StringBuilder();

    Listener(HttpClient client, ChatHttp http, Authenticated user, String room) throws Exception {
      socket = http.socketBuilder(client, user.token()).buildAsync(http.socketUri(), this).join();
      socket.sendText(WireJson.toJson(new ClientFrame.JoinRoom(room)), true).join();
      if (!joined.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(user.user().username() + " could not join " + room);
      }
    }

    void reset() {
      received.set(0);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.startsWith("{\"type\":\"room_joined\"")) {
          joined.countDown();
        } else if (frame.startsWith("{\"type\":\"new_chat_message\"")) {
          onMessage(frame);
        }
      }
      webSocket.request(1);
      return null;
    }

    void onMessage(String frame) {
      received.incrementAndGet();
    }
  }

  /** A listener that also sends, keeping {@link #WINDOW} messages unacknowledged at all times. */
  private static final class Sender extends Listener {
    final AtomicLong acknowledged = new AtomicLong();
    private final Semaphore window = new Semaphore(WINDOW);
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final long[] samples = new long[1 << 20];
    private final AtomicLong sampleCount = new AtomicLong();
    private final String room;
    private final String prefix;
    private volatile boolean running = true;
    private Thread pump;

    Sender(HttpClient client, ChatHttp http, Authenticated user, String room) throws Exception {
      super(client, http, user, room);
      this.room = room;
      this.prefix = user.user().username() + "-";
    }

    void start() {
      pump = new Thread(this::pump, prefix + "pump");
      pump.setDaemon(true);
      pump.start();
    }

    void stop() {
      running = false;
    }

    @Override
    void reset() {
      super.reset();
      acknowledged.set(0);
      sampleCount.set(0);
    }

    LongStream latencies() {
      return Arrays.stream(samples, 0, (int) Math.min(samples.length, sampleCount.get()));
    }

    private void pump() {
      long n = 0;
      try {
        while (running) {
          window.acquire();
          String clientId = prefix + n++;
          sentAt.put(clientId, System.nanoTime());
          socket
              .sendText(WireJson.toJson(new ClientFrame.SendChatMessage(room, "load " + clientId, clientId)), true)
              .join();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    void onMessage(String frame) {
      super.onMessage(frame);
      int at = frame.indexOf("\"clientId\":\"" + prefix);
      if (at < 0) {
        return;
      }
      int start = at + "\"clientId\":\"".length();
      Long sent = sentAt.remove(frame.substring(start, frame.indexOf('"', start)));
      if (sent != null) {
        long sample = sampleCount.getAndIncrement();
        if (sample < samples.length) {
          samples[(int) sample] = System.nanoTime() - sent;
        }
        acknowledged.incrementAndGet();
        window.release();
      }
    }
  }
}
