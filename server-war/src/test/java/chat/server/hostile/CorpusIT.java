package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.CreateRoom;
import chat.dto.Credentials;
import chat.dto.Message;
import chat.dto.Room;
import chat.dto.ServerFrame;
import chat.dto.UserName;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.server.testing.OneNodeSuite;
import chat.server.testing.TokenForge;
import chat.testing.Names;
import chat.testing.RawWebSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A corpus of hostile input thrown at one live node, from a second user's point of view: every answer
 * is the client's error, never the node's; the node stays healthy; and an ordinary user, chatting all
 * along, loses nothing and can still sign up, chat and read history afterwards.
 */
class CorpusIT extends OneNodeSuite {

  /** Strings that mean something to SQL, HTML, shells or terminals, in every string field. */
  private static final List<String> NASTY =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE account; --",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "%00%27",
          "${jndi:ldap://x}",
          "../../etc/passwd",
          "\\u0000",
          "😀".repeat(10),
          "ä".repeat(40));

  private static final List<String> BAD_JSON =
      List.of(
          "",
          "{",
          "null",
          "[]",
          "\"text\"",
          "{\"username\": 12, \"password\": true}",
          "{\"username\": {\"a\": 1}, \"password\": [1]}",
          "{\"username\": \"ok-name\", \"password\": 1e999999}",
          "{\"username\": 123456789012345678901234567890, \"password\": \"x\"}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));

  @Test
  void theCorpusHurtsNoOneAndLosesNothing() throws Exception {
    Authenticated victim = node.signUp(Names.unique("victim"), "victim-password");
    String room = Names.unique("corpus-room");
    node.createRoom(victim.token(), room);
    List<Long> acknowledged = new ArrayList<>();
    Authenticated attacker = node.signUp(Names.unique("attacker"), "attacker-password");

    try (ChatSocket chatting = ChatSocket.connect(node, victim.token());
        ChatSocket hostile = ChatSocket.connect(node, attacker.token())) {
      chatting.send(new ClientFrame.JoinRoom(room));
      chatting.nextOf(ServerFrame.RoomJoined.class);
      hostile.send(new ClientFrame.JoinRoom(room));
      hostile.nextOf(ServerFrame.RoomJoined.class);
      acknowledged.add(say(chatting, room, "before"));

      restCorpus(attacker.token());
      acknowledged.add(say(chatting, room, "after the REST corpus"));

      frameCorpus(hostile, room);
      acknowledged.add(say(chatting, room, "after the frame corpus"));

      tokenCorpus(victim);
      rawSocketCorpus(attacker.token());
      acknowledged.add(say(chatting, room, "after the socket corpus"));
      assertTrue(chatting.isOpen(), "the ordinary user's socket survived");
    }

    assertEquals(200, node.get("/health/ready", null).status());
    List<Long> stored =
        node.get("/api/rooms/" + room + "/messages?limit=200", victim.token()).asListOf(Message.class).stream()
            .map(Message::id)
            .toList();
    assertTrue(stored.containsAll(acknowledged), "acknowledged " + acknowledged + ", stored " + stored);

    Authenticated newcomer = node.signUp(Names.unique("newcomer"), "newcomer-password");
    try (ChatSocket socket = ChatSocket.connect(node, newcomer.token())) {
      socket.send(new ClientFrame.JoinRoom(room));
      assertTrue(socket.nextOf(ServerFrame.RoomJoined.class).history().size() >= acknowledged.size());
      say(socket, room, "hello after all that");
    }
  }

  private void restCorpus(String token) throws Exception {
    // JSON-B reads a number where a string is expected as its text (a password "1E+999999"): lenient,
    // not harmful. What must never happen is the node failing.
    for (String body : BAD_JSON) {
      for (String route : List.of("/api/signup", "/api/login", "/api/rooms", "/api/users/add", "/api/users/block")) {
        HttpReply reply = node.postRaw(route, route.contains("users") || route.contains("rooms") ? token : null, body);
        assertTrue(reply.status() < 500, route + " " + reply);
      }
    }
    for (String nasty : NASTY) {
      assertClientError(node.post("/api/signup", null, new Credentials(nasty, "password-" + nasty)));
      assertClientError(node.post("/api/login", null, new Credentials(nasty, nasty)));
      assertClientError(node.post("/api/users/add", token, new UserName(nasty)));
      HttpReply created = node.post("/api/rooms", token, new CreateRoom(nasty + Names.unique("")));
      if (created.status() == 201) {
        // Stored as text and given back as text: nothing in it was interpreted.
        assertTrue(created.as(Room.class).name().startsWith(nasty), created.toString());
      } else {
        assertClientError(created);
      }
      assertClientError(node.get("/api/rooms/" + encode(nasty) + "/messages?before=" + encode(nasty), token));
    }
    for (String invalidUtf8 : List.of("c328", "ff", "eda080", "f4908080")) {
      byte[] body = ("{\"username\":\"x" + "\",\"password\":\"").getBytes(StandardCharsets.US_ASCII);
      assertClientError(postBytes("/api/signup", concat(body, hex(invalidUtf8), "\"}".getBytes(StandardCharsets.US_ASCII))));
    }
    // Routes without rights.
    for (String adminRoute : List.of("/api/admin/users", "/api/admin/bans", "/api/cluster")) {
      assertEquals(403, node.get(adminRoute, token).status(), adminRoute);
    }
    assertEquals(403, node.post("/api/users/ban", token, new chat.dto.BanRequest("root", true, "x")).status());
  }

  private void frameCorpus(ChatSocket hostile, String room) {
    List<String> frames = new ArrayList<>(BAD_JSON);
    frames.addAll(
        List.of(
            "{\"type\":\"join_room\",\"room\":12}",
            "{\"type\":\"join_room\",\"room\":\"" + room + "\",\"after\":-1}",
            "{\"type\":\"join_room\",\"room\":\"" + room + "\",\"after\":99999999999999999999999}",
            "{\"type\":\"delete_message\",\"id\":\"one\"}",
            "{\"type\":\"delete_message\",\"id\":1}",
            "{\"type\":\"new_direct_message\",\"to\":null,\"text\":\"x\",\"clientId\":\"x\"}",
            "{\"type\":\"ping\",\"extra\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
    for (String nasty : NASTY) {
      frames.add(
          "{\"type\":\"new_chat_message\",\"room\":\"" + room + "\",\"text\":\"" + escape(nasty) + "\",\"clientId\":\""
              + escape(nasty) + "\"}");
      frames.add("{\"type\":\"join_room\",\"room\":\"" + escape(nasty) + "\"}");
      frames.add("{\"type\":\"new_direct_message\",\"to\":\"" + escape(nasty) + "\",\"text\":\"hi\",\"clientId\":\"d\"}");
    }
    for (String frame : frames) {
      if (frame.length() > 8192) {
        continue; // over the frame limit the socket is closed (1009), tested elsewhere
      }
      hostile.sendRaw(frame);
    }
    hostile.send(new ClientFrame.Ping());
    for (ServerFrame frame = hostile.next(ServerFrame.class); !(frame instanceof ServerFrame.Pong); frame = hostile.next(ServerFrame.class)) {
      if (frame instanceof ServerFrame.RequestFailed failed) {
        assertNotEquals("internal", failed.code(), failed.toString());
      }
    }
  }

  private void tokenCorpus(Authenticated victim) {
    String[] parts = victim.token().split("\\.");
    String otherClaims =
        Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"exp\":9999999999,\"name\":\"root\",\"sub\":1,\"ver\":0}".getBytes(StandardCharsets.UTF_8));
    List<String> tokens =
        List.of(
            "",
            "Bearer",
            "a.b",
            "....",
            otherClaims + "." + parts[1],
            parts[0] + "." + parts[1].substring(1),
            parts[0] + "x." + parts[1],
            TokenForge.sign("wrong-secret", 1, "root", Instant.now().plusSeconds(60).getEpochSecond()),
            TokenForge.sign(TokenForge.nodeSecret(), victim.user().id(), victim.user().username(), 1));
    for (String token : tokens) {
      HttpReply reply = node.get("/api/account", token);
      assertEquals(401, reply.status(), token + ": " + reply);
    }
  }

  /** Half-open sockets and unfinished requests: held open and left, as a slow-loris client does. */
  private void rawSocketCorpus(String token) throws IOException {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        Socket socket = new Socket(node.base().getHost(), node.base().getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\nUpgrade: websocket\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        held.add(socket);
      }
      // A text frame whose payload is not UTF-8: the container closes that socket (1007).
      try (RawWebSocket invalidUtf8 = RawWebSocket.connect(node.base(), token, 65536)) {
        invalidUtf8.sendHeaderAndPart(2, new byte[] {(byte) 0xc3, 0x28});
        assertNotEquals(1000, invalidUtf8.closeCode());
      }
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  /**
   * Nodes speak HTTP/1.1 only: an {@code Upgrade: h2c} request gets its answer in HTTP/1.1, not a
   * switch to Grizzly's HTTP/2, whose upgrade once deadlocked a starting node's listener threads.
   */
  @Test
  void anHttp2UpgradeIsAnsweredInHttp11() throws IOException {
    try (Socket socket = new Socket(node.base().getHost(), node.base().getPort())) {
      socket.setSoTimeout((int) ChatSocket.WAIT.toMillis());
      socket.getOutputStream()
          .write(
              ("GET /api/limits HTTP/1.1\r\nHost: " + node.base().getAuthority()
                      + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                      + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String statusLine =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertEquals("HTTP/1.1 200 OK", statusLine);
    }
  }

  private static long say(ChatSocket socket, String room, String text) {
    String clientId = Names.unique("c");
    socket.send(new ClientFrame.SendChatMessage(room, text, clientId));
    while (true) {
      Message message = socket.nextOf(ServerFrame.ChatMessagePosted.class).message();
      if (clientId.equals(message.clientId())) {
        return message.id();
      }
    }
  }

  private static void assertClientError(HttpReply reply) {
    assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
  }

  private HttpReply postBytes(String path, byte[] body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node.base().toString().replaceAll("/$", "") + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new HttpReply(response.statusCode(), null, response.body(), 0);
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static byte[] hex(String digits) {
    return java.util.HexFormat.of().parseHex(digits);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
