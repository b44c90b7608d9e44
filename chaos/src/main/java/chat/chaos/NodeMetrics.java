package chat.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node's own counters, read from its {@code /metrics} as an operator's scraper reads them. */
final class NodeMetrics {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private NodeMetrics() {}

  /** The application counter {@code name} of the node at {@code node}: 0 while nothing counted it. */
  static long counter(URI node, String name) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "_total(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
    try {
      HttpResponse<String> metrics =
          HTTP.send(
              HttpRequest.newBuilder(node.resolve("/metrics?scope=application")).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher count = line.matcher(metrics.body());
      return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
