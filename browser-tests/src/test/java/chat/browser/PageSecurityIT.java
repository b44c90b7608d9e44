package chat.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ChatApi;
import chat.dto.Authenticated;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.SharedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What keeps the page safe: its security headers, and WebSockets only from pages of allowed origins. */
@ExtendWith(SharedServer.class)
class PageSecurityIT {

  private final OneNode server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  PageSecurityIT(OneNode server) {
    this.server = server;
  }

  @Test
  void thePageRunsOnlyItsOwnScriptsAndCannotBeFramed() throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.uri().resolve("/")).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<script type=\"module\" src=\"app/main.js\">"), page.body());
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("script-src 'self'"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    // Pictures from the page's own origin, data: and the blob: URLs of files it fetched with its token; none from elsewhere.
    assertTrue(policy.contains("img-src 'self' data: blob:;"), policy);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    HttpResponse<String> script =
        http.send(HttpRequest.newBuilder(server.uri().resolve("/app/main.js")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, script.statusCode());
    assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"), script.headers().toString());
  }

  @Test
  void aPageOfAnotherSiteCannotOpenAWebSocket() {
    Authenticated user = ChatApi.of(server.uri()).signUp(Names.unique("vic"), "long-enough-password");

    CompletionException refused =
        assertThrows(CompletionException.class, () -> socket(user.token(), "https://evil.example").join());

    WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
    assertEquals(403, handshake.getResponse().statusCode());
  }

  @Test
  void thePageOfThisSiteAndProgramsWithoutAnOriginMay() {
    Authenticated user = ChatApi.of(server.uri()).signUp(Names.unique("val"), "long-enough-password");
    String ownOrigin = "http://" + server.uri().getRawAuthority();

    socket(user.token(), ownOrigin).join().abort();
    socket(user.token(), null).join().abort();
  }

  private CompletableFuture<WebSocket> socket(String token, String origin) {
    WebSocket.Builder builder = http.newWebSocketBuilder().header("Authorization", "Bearer " + token);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    URI uri = URI.create("ws://" + server.uri().getRawAuthority() + "/ws");
    return builder.buildAsync(uri, new WebSocket.Listener() {});
  }
}
