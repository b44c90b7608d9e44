package chat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Another system calling the chat's server-to-server API with its API key, as the contract shows. */
public final class OtherService {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String key;

  public OtherService(String key) {
    this.key = key;
  }

  /** POSTs {@code json} to {@code path} on the node; answers the reply, whatever its status. */
  public HttpResponse<String> post(URI node, String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(node.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "ApiKey " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
