package chat.server.testing;

import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.dto.Room;
import chat.dto.CreateRoom;
import chat.dto.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;

/** The REST side of a chat node, as a client sees it over real HTTP. */
public final class ChatHttp {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  /** The client address a load balancer in front would report, or null for a direct client. */
  private final String forwardedFor;

  public ChatHttp(URI base) {
    this(base, null);
  }

  private ChatHttp(URI base, String forwardedFor) {
    this.base = base;
    this.forwardedFor = forwardedFor;
  }

  /** The same node, every request carrying {@code X-Forwarded-For: <address>}. */
  public ChatHttp forwardedFor(String address) {
    return new ChatHttp(base, address);
  }

  /** Adds what this client sends on every request, the WebSocket handshake included. */
  void addHeaders(BiConsumer<String, String> header) {
    if (forwardedFor != null) {
      header.accept("X-Forwarded-For", forwardedFor);
    }
  }

  public URI base() {
    return base;
  }

  public HttpReply get(String path, String token) {
    return send(request(path, token).GET());
  }

  public HttpReply delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  /** An upload of a file's bytes under {@code name} ({@code POST /api/files}). */
  public HttpReply upload(String name, String token, HttpRequest.BodyPublisher bytes) {
    return send(
        request("/api/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), token)
            .header("Content-Type", "application/octet-stream")
            .POST(bytes));
  }

  /** A GET answered with its bytes and headers as they are: a file. */
  public HttpResponse<byte[]> fetch(String path, String token) {
    try {
      return CLIENT.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A PUT without a body (a reaction). */
  public HttpReply put(String path, String token) {
    return send(request(path, token).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  public HttpReply post(String path, String token, Object body) {
    return postRaw(path, token, WireJson.toJson(body));
  }

  public HttpReply postRaw(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpReply patch(String path, String token, Object body) {
    return patchRaw(path, token, WireJson.toJson(body));
  }

  public HttpReply patchRaw(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A server-to-server call: {@code Authorization: ApiKey <key>} instead of a bearer token. */
  public HttpReply postWithKey(String path, String key, Object body) {
    return send(
        authorized(path, key == null ? null : "ApiKey " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(WireJson.toJson(body))));
  }

  public HttpReply getWithKey(String path, String key) {
    return send(authorized(path, "ApiKey " + key).GET());
  }

  public Authenticated signUp(String username, String password) {
    HttpReply reply = post("/api/signup", null, new Credentials(username, password));
    if (reply.status() != 201) {
      throw new AssertionError("sign-up of " + username + " failed: " + reply);
    }
    return reply.as(Authenticated.class);
  }

  public Authenticated logIn(String username, String password) {
    HttpReply reply = post("/api/login", null, new Credentials(username, password));
    if (reply.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + reply);
    }
    return reply.as(Authenticated.class);
  }

  public Room createRoom(String token, String name) {
    HttpReply reply = post("/api/rooms", token, new CreateRoom(name));
    if (reply.status() != 201) {
      throw new AssertionError("creating room " + name + " failed: " + reply);
    }
    return reply.as(Room.class);
  }

  /** The WebSocket URI, as a client builds it: the token goes in a header ({@link #socketBuilder}). */
  public URI socketUri() {
    String ws = base.toString().replaceFirst("^http", "ws");
    return URI.create(ws.replaceAll("/$", "") + "/ws");
  }

  /** A handshake as this node's client sends it, {@code token} (if any) as its Authorization header. */
  public WebSocket.Builder socketBuilder(HttpClient client, String token) {
    WebSocket.Builder builder = client.newWebSocketBuilder();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    addHeaders(builder::header);
    return builder;
  }

  private HttpRequest.Builder request(String path, String token) {
    return authorized(path, token == null ? null : "Bearer " + token);
  }

  private HttpRequest.Builder authorized(String path, String authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    addHeaders(builder::header);
    return builder;
  }

  private static HttpReply send(HttpRequest.Builder request) {
    try {
      return HttpReply.of(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
