package chat.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Authenticated;
import chat.dto.SharedFile;
import chat.server.file.picture.TestPictures;
import chat.server.testing.ChatHttp;
import chat.server.testing.HttpReply;
import chat.testing.TwoNodes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads and downloads with many users at once (docs/benchmarks.md, "Files"), on two nodes and the
 * default database store: {@code bench.users} users each upload {@code bench.files} files of 1 MiB
 * (random, so nothing compresses them) through node A, all at once, then fetch them through node B;
 * then each uploads two photos of 12 megapixels, which the node reads for their size and thumbnail on
 * its picture thread (those that find the thread and its queue busy are kept as plain files).
 * Each transfer is timed from the client; the totals give the throughput.
 */
class FilesBenchmark {

  private static final int USERS = Integer.getInteger("bench.users", 32);
  private static final int FILES = Integer.getInteger("bench.files", 8);
  private static final int MIB = 1 << 20;

  @TempDir Path dataDir;

  @Test
  void measure() throws Exception {
    Map<String, String> unlimited = Map.of("CHAT_RATE_UPLOADS", "100000/1", "CHAT_RATE_DOWNLOADS", "100000/1", "CHAT_RATE_SIGNUPS", "100000/1");
    try (TwoNodes nodes = TwoNodes.start(dataDir, unlimited)) {
      ChatHttp a = new ChatHttp(nodes.a.uri());
      ChatHttp b = new ChatHttp(nodes.b.uri());
      List<Authenticated> users = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        users.add(a.signUp("bench-" + i, "bench-password"));
      }
      byte[] file = new byte[MIB];
      new Random(35).nextBytes(file);
      byte[] photo = TestPictures.jpeg(TestPictures.drawing(4000, 3000), false);

      // A first round at a tenth of the size warms the nodes' JIT on the path measured.
      List<List<SharedFile>> warm = run(users.size(), user -> upload(a, users.get(user), file, Math.max(1, FILES / 10)).files());
      run(users.size(), user -> download(b, users.get(user), warm.get(user)));

      List<Timed> uploads = run(users.size(), user -> upload(a, users.get(user), file, FILES));
      long started = uploads.stream().mapToLong(t -> t.start).min().orElseThrow();
      long ended = uploads.stream().mapToLong(t -> t.end).max().orElseThrow();
      report("upload, 1 MiB", uploads, (long) USERS * FILES * MIB, ended - started);

      List<Timed> downloads = run(users.size(), user -> download(b, users.get(user), uploads.get(user).files()));
      started = downloads.stream().mapToLong(t -> t.start).min().orElseThrow();
      ended = downloads.stream().mapToLong(t -> t.end).max().orElseThrow();
      report("download, 1 MiB, the other node", downloads, (long) USERS * FILES * MIB, ended - started);

      List<Timed> photos = run(users.size(), user -> upload(a, users.get(user), photo, 2));
      started = photos.stream().mapToLong(t -> t.start).min().orElseThrow();
      ended = photos.stream().mapToLong(t -> t.end).max().orElseThrow();
      long thumbnailed = photos.stream().flatMap(t -> t.files().stream()).filter(f -> f.image() != null).count();
      report(
          "upload, photo of 12 MP (" + photo.length / 1024 + " KiB), " + thumbnailed + " of " + USERS * 2 + " thumbnailed",
          photos,
          (long) USERS * 2 * photo.length,
          ended - started);
    }
  }

  /** One user's transfers: each one's time, and the files they made. */
  private record Timed(long start, long end, long[] nanos, List<SharedFile> files) {}

  private static Timed upload(ChatHttp node, Authenticated user, byte[] bytes, int count) {
    long start = System.nanoTime();
    long[] nanos = new long[count];
    List<SharedFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long one = System.nanoTime();
      HttpReply reply = node.upload("bench-" + i + ".bin", user.token(), HttpRequest.BodyPublishers.ofByteArray(bytes));
      assertEquals(201, reply.status(), reply.body());
      nanos[i] = System.nanoTime() - one;
      files.add(reply.as(SharedFile.class));
    }
    return new Timed(start, System.nanoTime(), nanos, files);
  }

  private static Timed download(ChatHttp node, Authenticated user, List<SharedFile> files) {
    long start = System.nanoTime();
    long[] nanos = new long[files.size()];
    for (int i = 0; i < files.size(); i++) {
      long one = System.nanoTime();
      HttpResponse<byte[]> fetched = node.fetch("/api/files/" + files.get(i).id(), user.token());
      assertEquals(200, fetched.statusCode());
      assertEquals(files.get(i).size(), fetched.body().length);
      nanos[i] = System.nanoTime() - one;
    }
    return new Timed(start, System.nanoTime(), nanos, files);
  }

  /** Runs {@code work} for every user at once, each on a thread of its own. */
  private static <T> List<T> run(int users, IntFunction<T> work) throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> running = new ArrayList<>();
      for (int user = 0; user < users; user++) {
        int one = user;
        running.add(threads.submit(() -> work.apply(one)));
      }
      List<T> done = new ArrayList<>();
      for (Future<T> future : running) {
        done.add(future.get());
      }
      return done;
    }
  }

  private static void report(String what, List<Timed> timed, long bytes, long nanos) {
    long[] all = timed.stream().flatMapToLong(t -> Arrays.stream(t.nanos)).sorted().toArray();
    double seconds = nanos / 1e9;
    System.out.printf(
        "| %s | %d users at once | %d | %.1f MB/s | %.1f files/s | %.0f ms | %.0f ms | %.0f ms |%n",
        what,
        USERS,
        all.length,
        bytes / 1e6 / seconds,
        all.length / seconds,
        all[all.length / 2] / 1e6,
        all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6,
        all[all.length - 1] / 1e6);
  }
}
