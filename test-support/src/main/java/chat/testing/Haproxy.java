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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real load balancer in front of real nodes: Debian's HAProxy run on the configuration the project
 * ships (payara-config/haproxy.cfg.template), with one {@code server} line a node, as bin/chat-cluster
 * runs it. For tests whose finding is about what the balancer does.
 */
public final class Haproxy implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;

  private Haproxy(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static Haproxy inFrontOf(Path workDir, List<PayaraNode> nodes) {
    int port = PayaraNode.freePort();
    try {
      Files.createDirectories(workDir);
      StringBuilder config =
          new StringBuilder(Files.readString(Path.of(System.getProperty("chat.it.haproxyTemplate"))));
      for (PayaraNode node : nodes) {
        config.append("    server %s 127.0.0.1:%d check cookie %s%n"
            .formatted(node.name(), node.uri().getPort(), node.name()));
      }
      Path file = workDir.resolve("haproxy.cfg");
      Files.writeString(file, config);
      Path log = workDir.resolve("haproxy.log");
      ProcessBuilder builder =
          new ProcessBuilder("haproxy", "-f", file.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("CHAT_PORT", Integer.toString(port));
      Haproxy haproxy = new Haproxy(builder.start(), port, log);
      haproxy.awaitBackends();
      return haproxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** What it has logged so far: its access log, a line a request, and its own complaints. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Until a health-checked node answers through it. */
  private void awaitBackends() {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(uri().resolve("/health/ready")).timeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("haproxy exited; is Debian's haproxy installed?");
      }
      if (PayaraNode.answersOk(client, ready)) {
        return;
      }
      Pause.of(Duration.ofMillis(200));
    }
    close();
    throw new IllegalStateException("no node answered through haproxy within " + START_TIMEOUT);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
