package chat.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;

/** A WebSocket handshake that is expected to be refused, and the HTTP status it was refused with. */
public final class Handshake {

  private Handshake() {}

  public static int refusalStatus(URI uri) {
    return refusalStatus(HttpClient.newHttpClient().newWebSocketBuilder(), uri);
  }

  /** The refusal of a handshake sent as {@code node}'s client sends it. */
  public static int refusalStatus(ChatHttp node, String token) {
    return refusalStatus(node.socketBuilder(HttpClient.newHttpClient(), token), node.socketUri());
  }

  private static int refusalStatus(WebSocket.Builder builder, URI uri) {
    try {
      builder.buildAsync(uri, new WebSocket.Listener() {}).join().abort();
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
    throw new AssertionError("the handshake to " + uri + " was accepted");
  }
}
