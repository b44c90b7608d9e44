package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.SharedFile;
import chat.server.testing.ChatHttp;
import chat.server.testing.HttpReply;
import chat.testing.Eventually;
import chat.testing.OneNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads as an attacker sends them (docs/security.md, "Files"), on a node of its own with small limits:
 * a body that ends before its length or breaks off, a day's bytes used up, a flood of small files,
 * uploads held open to take the node's threads, a zip bomb. Each is a clear error or a plain file,
 * nothing is kept half, and another user still uploads.
 */
class HostileFilesIT {

  private static final int DAY = 300_000;

  @TempDir static Path dataDir;

  private static OneNode node;
  private static ChatHttp http;

  @BeforeAll
  static void start() {
    node =
        OneNode.start(
            dataDir,
            "node-hostile-files",
            Map.of(
                "CHAT_FILE_BYTES_PER_DAY", Integer.toString(DAY),
                "CHAT_FILE_UPLOADS_AT_ONCE", "1",
                "CHAT_FILE_TRANSFERS_AT_ONCE", "2",
                "CHAT_RATE_UPLOADS", "8/600"));
    http = new ChatHttp(node.uri());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void aBodyEndingBeforeItsLengthOrBrokenOffKeepsNothing() throws IOException {
    Authenticated mallory = http.signUp("mallory-short", "mallory-password");
    long blobs = count("SELECT count(*) FROM file_blob");

    try (Socket socket = new Socket(node.uri().getHost(), node.uri().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(uploadHead(mallory, 100_000));
      out.write(new byte[40_000]);
      out.flush();
      socket.shutdownOutput();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      // The container may close a connection whose body ended early without an answer; one it gives says why.
      assertTrue(answer.isEmpty() || (answer.startsWith("HTTP/1.1 400") && answer.contains("invalid_request")), answer);
    }
    try (Socket socket = new Socket(node.uri().getHost(), node.uri().getPort())) {
      socket.getOutputStream().write(uploadHead(mallory, 100_000));
      socket.getOutputStream().write(new byte[300_000 / 4]);
      socket.getOutputStream().flush();
      // Closed mid-body, as a cancelled upload or a dropped connection is.
    }
    Eventually.within(Duration.ofSeconds(30), () -> assertEquals(blobs, count("SELECT count(*) FROM file_blob"), "nothing kept of either"));
    assertEquals(0, count("SELECT count(*) FROM shared_file f JOIN account a ON a.id = f.owner_id WHERE a.username = 'mallory-short'"));
  }

  @Test
  void aUserPastTheirDayIsRefusedUntilTomorrowWhileOthersUploadOn() {
    Authenticated mallory = http.signUp("mallory-day", "mallory-password");
    Authenticated ann = http.signUp("ann-day", "ann-password");
    uploaded(http.upload("first.bin", mallory.token(), HttpRequest.BodyPublishers.ofByteArray(new byte[DAY - 50_000])));
    long blobs = count("SELECT count(*) FROM file_blob");

    HttpReply declared = http.upload("second.bin", mallory.token(), HttpRequest.BodyPublishers.ofByteArray(new byte[100_000]));
    assertEquals(429, declared.status(), declared.body());
    assertEquals("rate_limited", declared.error().error());
    HttpReply chunked = http.upload("third.bin", mallory.token(), HttpRequest.BodyPublishers.fromPublisher(zeros(100_000)));
    assertEquals(429, chunked.status(), "cut off where the day ends: " + chunked.body());
    assertEquals(blobs, count("SELECT count(*) FROM file_blob"), "nothing kept of either");

    assertEquals(DAY - 50_000, uploaded(http.upload("hers.bin", ann.token(), HttpRequest.BodyPublishers.ofByteArray(new byte[DAY - 50_000]))).size());
  }

  @Test
  void aFloodOfSmallUploadsIsCutAtTheRateAndNoOneElseWaits() {
    Authenticated mallory = http.signUp("mallory-flood", "mallory-password");
    Authenticated ann = http.signUp("ann-flood", "ann-password");
    for (int i = 0; i < 8; i++) {
      uploaded(http.upload("tiny-" + i + ".txt", mallory.token(), HttpRequest.BodyPublishers.ofString("x")));
    }
    HttpReply refused = http.upload("tiny-8.txt", mallory.token(), HttpRequest.BodyPublishers.ofString("x"));
    assertEquals(429, refused.status());
    assertEquals("rate_limited", refused.error().error());
    uploaded(http.upload("hers.txt", ann.token(), HttpRequest.BodyPublishers.ofString("mine")));
  }

  @Test
  void uploadsHeldOpenTakeOneSlotEachUpToTheNodesTransfersAndEndWhenTheyEnd() throws Exception {
    Authenticated mallory = http.signUp("mallory-slow", "mallory-password");
    Authenticated trudy = http.signUp("trudy-slow", "trudy-password");
    Authenticated ann = http.signUp("ann-slow", "ann-password");
    SharedFile hers = uploaded(http.upload("hers.txt", ann.token(), HttpRequest.BodyPublishers.ofString("mine")));
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Integer> first = slowUpload(mallory, release);
    Eventually.within(Duration.ofSeconds(30), () -> assertEquals(1, count("SELECT count(*) FROM file_blob WHERE NOT complete"), "the first is streaming"));
    HttpReply second = http.upload("again.bin", mallory.token(), HttpRequest.BodyPublishers.ofString("x"));
    assertEquals(429, second.status(), "one upload at once for a user: " + second.body());

    CompletableFuture<Integer> other = slowUpload(trudy, release);
    Eventually.within(Duration.ofSeconds(30), () -> assertEquals(2, count("SELECT count(*) FROM file_blob WHERE NOT complete"), "both stream"));
    HttpResponse<byte[]> busy = http.fetch("/api/files/" + hers.id(), ann.token());
    assertEquals(503, busy.statusCode(), "the node's two transfers are taken");
    assertEquals("1", busy.headers().firstValue("Retry-After").orElse(null));

    release.countDown();
    assertEquals(201, first.get(60, TimeUnit.SECONDS));
    assertEquals(201, other.get(60, TimeUnit.SECONDS));
    assertArrayEquals("mine".getBytes(StandardCharsets.UTF_8), http.fetch("/api/files/" + hers.id(), ann.token()).body(), "free again");
  }

  @Test
  void aZipBombIsAFileLikeAnyOtherAndNothingUnpacksIt() throws IOException {
    Authenticated mallory = http.signUp("mallory-zip", "mallory-password");
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream entries = new ZipOutputStream(zip)) {
      entries.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] megabyte = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        entries.write(megabyte);
      }
      entries.closeEntry();
    }
    byte[] bomb = zip.toByteArray();
    assertTrue(bomb.length < 300_000, "200 MiB unpacked, " + bomb.length + " bytes packed");

    SharedFile kept = uploaded(http.upload("photos.zip", mallory.token(), HttpRequest.BodyPublishers.ofByteArray(bomb)));
    assertEquals("application/zip", kept.type());
    assertEquals(bomb.length, kept.size());
    assertArrayEquals(bomb, http.fetch("/api/files/" + kept.id(), mallory.token()).body());
  }

  /** An upload of 200 KB that sends its first half, then waits for {@code release}: the status it was answered. */
  private static CompletableFuture<Integer> slowUpload(Authenticated owner, CountDownLatch release) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket socket = new Socket(node.uri().getHost(), node.uri().getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(uploadHead(owner, 200_000));
            out.write(new byte[100_000]);
            out.flush();
            release.await();
            out.write(new byte[100_000]);
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        },
        Executors.newVirtualThreadPerTaskExecutor());
  }

  private static byte[] uploadHead(Authenticated owner, int length) {
    return ("POST /api/files?name=" + URLEncoder.encode("cut.bin", StandardCharsets.UTF_8) + " HTTP/1.1\r\n"
            + "Host: " + node.uri().getHost() + ":" + node.uri().getPort() + "\r\n"
            + "Authorization: Bearer " + owner.token() + "\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Length: " + length + "\r\n"
            + "Connection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code count} zero bytes, made as they are sent, in pieces of 64 KiB: a body without a length. */
  private static Flow.Publisher<ByteBuffer> zeros(long count) {
    return subscriber ->
        subscriber.onSubscribe(
            new Flow.Subscription() {
              private long left = count;
              private boolean done;

              @Override
              public synchronized void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                  long piece = Math.min(64 * 1024, left);
                  if (piece == 0) {
                    done = true;
                    subscriber.onComplete();
                    return;
                  }
                  left -= piece;
                  subscriber.onNext(ByteBuffer.allocate((int) piece));
                }
              }

              @Override
              public synchronized void cancel() {
                done = true;
              }
            });
  }

  private static SharedFile uploaded(HttpReply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.as(SharedFile.class);
  }

  private static long count(String sql) {
    try (Connection connection = node.dataSource().getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
