package chat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the tests of the S3 store: Adobe's S3Mock (its exec jar, which the
 * build copies from Maven Central to {@code chat.it.s3mockJar}) as its own process, its objects in a
 * directory of the test's, with one bucket, {@link #BUCKET}, made as it starts. It takes any
 * credentials and serves buckets by path. Its HTTPS connector listens on loopback; its plain HTTP one,
 * which the nodes use, takes no address from S3Mock's settings and so listens on every interface, on a
 * port chosen here.
 */
public final class S3Server implements AutoCloseable {

  public static final String BUCKET = "chat-files";
  public static final String REGION = "us-east-1";
  /** What the SDK signs with: S3Mock checks no signature, and these are no one's. */
  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final int port;
  private final Path log;

  private S3Server(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static S3Server start(Path workDir) {
    int port = PayaraNode.freePort();
    Path log = TestDatabase.nodeLogs().resolve("s3mock-" + port + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
    command.addAll(PayaraNode.testJvmOptions(List.of()));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("chat.it.s3mockJar"),
            "--http.port=" + port,
            "--server.address=127.0.0.1",
            "--server.port=0"));
    try {
      Path root = Files.createDirectories(workDir.resolve("s3"));
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> environment = builder.environment();
      environment.put("COM_ADOBE_TESTING_S3MOCK_STORE_ROOT", root.toString());
      environment.put("COM_ADOBE_TESTING_S3MOCK_STORE_INITIAL_BUCKETS", BUCKET);
      environment.put("COM_ADOBE_TESTING_S3MOCK_STORE_REGION", REGION);
      S3Server server = new S3Server(builder.start(), port, log);
      server.awaitBucket();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where S3 clients reach it: {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * The settings of a node that keeps files' bytes here: CHAT_FILE_STORE=s3 and its bucket, region and
   * endpoint, and credentials for the SDK's default chain.
   */
  public Map<String, String> nodeEnvironment() {
    return Map.of(
        "CHAT_FILE_STORE", "s3",
        "CHAT_FILE_S3_BUCKET", BUCKET,
        "CHAT_FILE_S3_REGION", REGION,
        "CHAT_FILE_S3_ENDPOINT", uri().toString(),
        "AWS_ACCESS_KEY_ID", ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
  }

  /** Until the bucket answers: S3Mock makes it once its server is up. */
  private void awaitBucket() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest bucket =
        HttpRequest.newBuilder(URI.create(uri() + "/" + BUCKET))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock exited during start; see " + log);
      }
      if (PayaraNode.answersOk(client, bucket)) {
        return;
      }
      Pause.of(Duration.ofMillis(250));
    }
    close();
    throw new IllegalStateException("S3Mock's bucket was not there within " + START_TIMEOUT + "; see " + log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
