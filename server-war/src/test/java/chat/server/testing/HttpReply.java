package chat.server.testing;

import chat.dto.ErrorBody;
import chat.dto.WireJson;
import java.util.List;
import java.net.http.HttpResponse;

/** A REST answer: status, the node that served it, and the body read as the contract says. */
public record HttpReply(int status, String node, String body, long retryAfter) {

  static HttpReply of(HttpResponse<String> response) {
    return new HttpReply(
        response.statusCode(),
        response.headers().firstValue("X-Chat-Node").orElse(null),
        response.body(),
        response.headers().firstValueAsLong("Retry-After").orElse(0));
  }

  public <T> T as(Class<T> type) {
    return WireJson.fromJson(body, type);
  }

  public <T> List<T> asListOf(Class<T> element) {
    return WireJson.fromJson(body, WireJson.listOf(element));
  }

  public ErrorBody error() {
    return as(ErrorBody.class);
  }
}
