package chat.client;

import chat.dto.AccountOverview;
import chat.dto.AdminUser;
import chat.dto.ApiKey;
import chat.dto.Authenticated;
import chat.dto.BanRequest;
import chat.dto.BanResult;
import chat.dto.Bans;
import chat.dto.ChannelState;
import chat.dto.ClusterView;
import chat.dto.CreateRoom;
import chat.dto.CreatedApiKey;
import chat.dto.Credentials;
import chat.dto.Emoji;
import chat.dto.ErrorBody;
import chat.dto.Limits;
import chat.dto.MemberPage;
import chat.dto.Message;
import chat.dto.MessageEdit;
import chat.dto.MuteChange;
import chat.dto.NewApiKey;
import chat.dto.ProfileChange;
import chat.dto.Room;
import chat.dto.RoomOccupant;
import chat.dto.SearchResults;
import chat.dto.SharedFile;
import chat.dto.Silence;
import chat.dto.Status;
import chat.dto.User;
import chat.dto.UserName;
import chat.dto.WireJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The REST routes of the contract, one blocking method each: call them off any UI thread. An answer
 * other than 2xx throws {@link ChatApiException} with the server's code and message. An upload alone
 * runs in the background and answers a future, which cancels it. Immutable: {@link #as(String)} gives
 * the same server with a user's token.
 */
public final class ChatApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI server;
  private final String token;

  private ChatApi(HttpClient http, URI server, String token) {
    this.http = http;
    this.server = server;
    this.token = token;
  }

  /** A client of the server at {@code server} (e.g. {@code http://127.0.0.1:8080/}), not logged in. */
  public static ChatApi of(URI server) {
    return new ChatApi(builder().build(), withSlash(server), null);
  }

  /**
   * As {@link #of(URI)}, with the HTTP client's own work (reading sockets' frames, completing requests)
   * on {@code executor}. A direct executor ({@code Runnable::run}) keeps it on the client's one selector
   * thread: no hand-over between threads per frame, the cheapest for thousands of sockets whose listeners
   * only pass each frame on, as the load tool's do. The default pool suits an app.
   */
  public static ChatApi of(URI server, Executor executor) {
    return new ChatApi(builder().executor(executor).build(), withSlash(server), null);
  }

  private static HttpClient.Builder builder() {
    // HTTP/1.1, not an h2c upgrade: Grizzly's HTTP/2 deadlocked listener threads over one in CI.
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
  }

  /** The same server, as the user the token belongs to. */
  public ChatApi as(String token) {
    return new ChatApi(http, server, token);
  }

  public URI server() {
    return server;
  }

  HttpClient http() {
    return http;
  }

  public Authenticated signUp(String username, String password) {
    return post("api/signup", new Credentials(username, password), Authenticated.class);
  }

  public Authenticated logIn(String username, String password) {
    return post("api/login", new Credentials(username, password), Authenticated.class);
  }

  /** The server's limits, as its welcome gives them; for anyone, before logging in. */
  public Limits limits() {
    return get("api/limits", Limits.class);
  }

  public AccountOverview account() {
    return get("api/account", AccountOverview.class);
  }

  /** The user's rooms and conversations, with read markers, unread and mention counts and mutes. */
  public List<ChannelState> channels() {
    return getList("api/account/channels", ChannelState.class);
  }

  /** Mutes or unmutes a room (a {@link Channel.RoomChannel}) or a conversation, on every device. */
  public void mute(Channel channel, boolean muted) {
    MuteChange change =
        switch (channel) {
          case Channel.RoomChannel(String room) -> new MuteChange(room, null, muted);
          case Channel.DirectChannel(String username) -> new MuteChange(null, username, muted);
        };
    send(request("api/account/mute").header("Content-Type", "application/json").POST(json(change)));
  }

  public List<Room> rooms() {
    return getList("api/rooms", Room.class);
  }

  public Room createRoom(String name) {
    return createRoom(name, false);
  }

  /** A room; a private one is seen by its members only, and joined by invitation. */
  public Room createRoom(String name, boolean privateRoom) {
    return post("api/rooms", new CreateRoom(name, privateRoom ? true : null), Room.class);
  }

  /** Makes {@code username} a member of the private room (its owner or a moderator may). */
  public void invite(String room, String username) {
    post("api/rooms/" + segment(room) + "/members", new UserName(username), Status.class);
  }

  /** Ends {@code username}'s membership of the room, on every device of theirs. */
  public void removeMember(String room, String username) {
    send(request("api/rooms/" + segment(room) + "/members/" + segment(username)).DELETE());
  }

  /** Names ({@code on}) or unnames a moderator of the room (its owner may). */
  public void moderator(String room, String username, boolean on) {
    HttpRequest.Builder request = request("api/rooms/" + segment(room) + "/moderators/" + segment(username));
    send(on ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE());
  }

  /** Refuses {@code username}'s messages in the room for {@code minutes}; 0 lifts it. */
  public void silence(String room, String username, int minutes) {
    post("api/rooms/" + segment(room) + "/silence", new Silence(username, minutes), Status.class);
  }

  /**
   * A page of the room's members by username, after {@code after} (null: from the first), with their
   * roles and who is online; the server's page size when {@code limit} is null.
   */
  public MemberPage roomMembers(String room, String after, Integer limit) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    if (after != null) {
      query.add("after=" + segment(after));
    }
    if (limit != null) {
      query.add("limit=" + limit);
    }
    return get("api/rooms/" + segment(room) + "/members" + query, MemberPage.class);
  }

  public List<RoomOccupant> roomUsers(String room) {
    return getList("api/rooms/" + segment(room) + "/users", RoomOccupant.class);
  }

  public List<Message> roomMessages(String room, Page page) {
    return getList("api/rooms/" + segment(room) + "/messages" + page.query(), Message.class);
  }

  public List<Message> directMessages(String username, Page page) {
    return getList("api/dms/" + segment(username) + "/messages" + page.query(), Message.class);
  }

  public void deleteMessage(long id) {
    send(request("api/messages/" + id).DELETE());
  }

  /** The author's new text: the message as it now is (everyone who can see it hears it too). */
  public Message editMessage(long id, String text) {
    return WireJson.fromJson(
        send(
            request("api/messages/" + id)
                .header("Content-Type", "application/json")
                .method("PATCH", json(new MessageEdit(text)))),
        Message.class);
  }

  /** Adds ({@code on}) or takes back the caller's {@code emoji} on a message: the message as it now is. */
  public Message react(long id, String emoji, boolean on) {
    HttpRequest.Builder request = request("api/messages/" + id + "/reactions/" + segment(emoji));
    String answer = send(on ? request.PUT(HttpRequest.BodyPublishers.noBody()) : request.DELETE());
    return WireJson.fromJson(answer, Message.class);
  }

  /**
   * A page of the caller's messages that match {@code query} (read as a web search box reads it), best
   * first: in {@code room} and from {@code from} alone when they are given, and after the cursor {@code
   * before} the previous page gave; null for none of these.
   */
  public SearchResults search(String query, String room, String from, String before) {
    StringJoiner path = new StringJoiner("&", "api/search?", "");
    path.add("q=" + segment(query));
    if (room != null) {
      path.add("room=" + segment(room));
    }
    if (from != null) {
      path.add("from=" + segment(from));
    }
    if (before != null) {
      path.add("before=" + segment(before));
    }
    return get(path.toString(), SearchResults.class);
  }

  /** The emoji reactions may be and {@code :shortcode:} text names. */
  public List<Emoji> emoji() {
    return getList("api/emoji", Emoji.class);
  }

  /** Asks for friendship, or accepts when the other asked first: {@code requested} or {@code friends}. */
  public String addFriend(String username) {
    return post("api/users/add", new UserName(username), Status.class).status();
  }

  /** Ends a friendship, or cancels or declines a request. */
  public String removeFriend(String username) {
    return post("api/users/remove", new UserName(username), Status.class).status();
  }

  public String block(String username) {
    return post("api/users/block", new UserName(username), Status.class).status();
  }

  public String unblock(String username) {
    return post("api/users/unblock", new UserName(username), Status.class).status();
  }

  public BanResult ban(String username, boolean withAddresses, String reason) {
    return post("api/users/ban", new BanRequest(username, withAddresses, reason), BanResult.class);
  }

  public String unban(String username) {
    return post("api/users/unban", new UserName(username), Status.class).status();
  }

  public List<AdminUser> findUsers(String query) {
    return getList("api/admin/users?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), AdminUser.class);
  }

  public Bans bans() {
    return get("api/admin/bans", Bans.class);
  }

  public ClusterView cluster() {
    return get("api/cluster", ClusterView.class);
  }

  /** Changes the caller's display name or status (null leaves it); answers the caller as changed. */
  public User changeProfile(String displayName, String status) {
    return WireJson.fromJson(
        send(
            request("api/account")
                .header("Content-Type", "application/json")
                .method("PATCH", json(new ProfileChange(displayName, status)))),
        User.class);
  }

  public User profile(String username) {
    return get("api/users/" + segment(username), User.class);
  }

  /** An administrator's: a new API key for a service; its secret is in this answer only. */
  public CreatedApiKey createApiKey(String name, List<String> scopes) {
    return post("api/admin/keys", new NewApiKey(name, scopes), CreatedApiKey.class);
  }

  public List<ApiKey> apiKeys() {
    return getList("api/admin/keys", ApiKey.class);
  }

  public void revokeApiKey(long id) {
    send(request("api/admin/keys/" + id).DELETE());
  }

  /**
   * Uploads the file at {@code file} under its name, streamed from the disk as the connection takes it,
   * telling {@code progress} how much went (docs/protocol.md, "Files"). Returns at once: the future
   * completes with the file as the server keeps it, not yet sent, or fails with a {@link
   * ChatApiException} (an unreadable file: an {@link UncheckedIOException}). Cancelling it closes the
   * connection, and the server keeps nothing.
   */
  public CompletableFuture<SharedFile> upload(Path file, Progress progress) {
    HttpRequest.BodyPublisher body;
    try {
      body = new CountedBody(HttpRequest.BodyPublishers.ofFile(file), progress);
    } catch (FileNotFoundException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException(e));
    }
    // No timeout: the user sees how far it got and may cancel it; a slow link's upload is not cut short.
    HttpRequest request =
        authorized("api/files?name=" + segment(file.getFileName().toString()))
            .header("Accept", "application/json")
            .header("Content-Type", "application/octet-stream")
            .POST(body)
            .build();
    CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    CompletableFuture<SharedFile> answer = new CompletableFuture<>();
    exchange.whenComplete(
        (response, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            answer.completeExceptionally(ChatApiException.unreachable(server.toString(), cause));
          } else if (response.statusCode() / 100 != 2) {
            answer.completeExceptionally(refusal(response.statusCode(), response.headers(), response.body()));
          } else {
            try {
              answer.complete(WireJson.fromJson(response.body(), SharedFile.class));
            } catch (RuntimeException notAFile) {
              answer.completeExceptionally(notAFile);
            }
          }
        });
    // The HTTP client aborts the exchange when its own future is cancelled.
    answer.whenComplete(
        (stored, failure) -> {
          if (answer.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return answer;
  }

  /** How much of an upload went: {@code sent} of its {@code total} bytes. Called on the HTTP client's threads. */
  @FunctionalInterface
  public interface Progress {
    void sent(long sent, long total);
  }

  /**
   * A file's bytes as they come, for whoever may read the message that holds it (its uploader, before
   * it is sent); the caller closes the stream. A file deleted with its message is {@code not_found}.
   */
  public InputStream file(long id) {
    return stream("api/files/" + id);
  }

  /** A picture's thumbnail: a JPEG at most 320 pixels on its longer side; {@code not_found} for any other file. */
  public InputStream preview(long id) {
    return stream("api/files/" + id + "/preview");
  }

  /** Deletes an upload of the caller's not yet sent. */
  public void deleteFile(long id) {
    send(request("api/files/" + id).DELETE());
  }

  /** The admin ping: every socket on every node gets a {@code ping} frame. */
  public void ping() {
    send(request("api/ping").POST(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Which messages a history request asks for. Without a {@code limit} the server answers its own page
   * size ({@code historyPage} in its welcome's limits).
   */
  public record Page(Long before, Long afterSeq, Integer limit, boolean changes) {

    /** The server's page of the newest messages. */
    public static Page newest() {
      return new Page(null, null, null, false);
    }

    /** The server's page of the messages just before {@code id}. */
    public static Page before(long id) {
      return new Page(id, null, null, false);
    }

    /** Up to {@code limit} messages sent after the one numbered {@code seq}, oldest first: a catch-up. */
    public static Page afterSeq(long seq, int limit) {
      return new Page(null, seq, limit, false);
    }

    /**
     * Up to {@code limit} numbers after {@code seq}: messages sent, and messages changed (edited,
     * reacted to, deleted: a tombstone), since, in the order of each one's latest number.
     */
    public static Page changesAfter(long seq, int limit) {
      return new Page(null, seq, limit, true);
    }

    String query() {
      StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
      if (before != null) {
        query.add("before=" + before);
      }
      if (afterSeq != null) {
        query.add("afterSeq=" + afterSeq);
      }
      if (limit != null) {
        query.add("limit=" + limit);
      }
      if (changes) {
        query.add("changes=true");
      }
      return query.toString();
    }
  }

  private <T> T get(String path, Class<T> answer) {
    return WireJson.fromJson(send(request(path).GET()), answer);
  }

  private <T> List<T> getList(String path, Class<T> element) {
    return WireJson.fromJson(send(request(path).GET()), WireJson.listOf(element));
  }

  private <T> T post(String path, Object body, Class<T> answer) {
    return WireJson.fromJson(
        send(
            request(path)
                .header("Content-Type", "application/json")
                .POST(json(body))),
        answer);
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    return HttpRequest.BodyPublishers.ofString(WireJson.toJson(body));
  }

  private HttpRequest.Builder request(String path) {
    return authorized(path).timeout(TIMEOUT).header("Accept", "application/json");
  }

  /** A request to {@code path} with the user's token, in the header: never in a URL, which is logged. */
  private HttpRequest.Builder authorized(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  /** The body of a 2xx answer. */
  private String send(HttpRequest.Builder request) {
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw refusal(response.statusCode(), response.headers(), response.body());
    }
    return response.body();
  }

  /** The body of a 2xx answer as it comes, for bytes that are not JSON and may be large. */
  private InputStream stream(String path) {
    HttpResponse<InputStream> response =
        exchange(authorized(path).timeout(TIMEOUT).GET(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 == 2) {
      return response.body();
    }
    String error;
    try (InputStream body = response.body()) {
      error = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ChatApiException.unreachable(server.toString(), e);
    }
    throw refusal(response.statusCode(), response.headers(), error);
  }

  private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request.build(), body);
    } catch (IOException e) {
      throw ChatApiException.unreachable(server.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ChatApiException.unreachable(server.toString(), e);
    }
  }

  private static ChatApiException refusal(int status, HttpHeaders headers, String body) {
    Duration retryAfter = headers.firstValue("Retry-After").map(ChatApi::seconds).orElse(null);
    try {
      ErrorBody error = WireJson.fromJson(body, ErrorBody.class);
      return new ChatApiException(status, error.error(), error.message(), retryAfter);
    } catch (RuntimeException notOurs) {
      // Not the contract's error body: a proxy or a server in trouble answered.
      return new ChatApiException(status, "http_" + status, "the server answered " + status, retryAfter);
    }
  }

  /** A Retry-After in seconds, as the server sends it; a proxy's date form is read as no advice. */
  private static Duration seconds(String retryAfter) {
    try {
      return Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
    } catch (NumberFormatException notSeconds) {
      return null;
    }
  }

  /** A path segment or a query's value, percent-encoded: a space, a '+' or a '&' in it is read as itself. */
  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static URI withSlash(URI server) {
    String text = server.toString();
    return text.endsWith("/") ? server : URI.create(text + "/");
  }
}
