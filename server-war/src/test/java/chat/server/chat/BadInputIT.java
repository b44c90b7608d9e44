package chat.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Credentials;
import chat.dto.ErrorBody;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.server.testing.ChatSocket;
import chat.server.testing.Handshake;
import chat.server.testing.HttpReply;
import chat.testing.Names;
import chat.server.testing.OneNodeSuite;
import chat.server.testing.TokenForge;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input gets the contract's error, the socket stays open where it should, nothing is lost. */
class BadInputIT extends OneNodeSuite {

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    String name = Names.unique("erin");
    node.signUp(name, "erin-password");
    HttpReply wrongPassword = node.post("/api/login", null, new Credentials(name, "not-her-password"));
    HttpReply unknownUser =
        node.post("/api/login", null, new Credentials(Names.unique("nobody"), "erin-password"));
    assertEquals(401, wrongPassword.status());
    assertEquals(new ErrorBody("unauthorized", "wrong username or password"), wrongPassword.error());
    assertEquals(wrongPassword.status(), unknownUser.status());
    assertEquals(wrongPassword.body(), unknownUser.body());
  }

  @Test
  void aTakenNameIsAConflictWhateverItsCase() {
    String name = Names.unique("frank");
    node.signUp(name, "frank-password");
    HttpReply again = node.post("/api/signup", null, new Credentials(name.toUpperCase(), "other-password"));
    assertEquals(409, again.status());
    assertEquals("conflict", again.error().error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "has space", "way_too_long_for_a_name_0123456789", "émile", "semi;colon"})
  void invalidNamesAreRefused(String username) {
    HttpReply reply = node.post("/api/signup", null, new Credentials(username, "good-password"));
    assertEquals(400, reply.status(), reply.body());
    assertEquals("invalid_request", reply.error().error());
    assertTrue(reply.error().message().contains("username"), reply.body());
  }

  @ParameterizedTest
  @CsvSource({"short, 8 to 128", "éééééééééééééééééééééééééééééééééééééééé, 72 bytes"})
  void invalidPasswordsAreRefused(String password, String explanation) {
    HttpReply reply = node.post("/api/signup", null, new Credentials(Names.unique("gina"), password));
    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.error().message().contains(explanation), reply.body());
    HttpReply tooLong =
        node.post("/api/signup", null, new Credentials(Names.unique("gina"), "x".repeat(129)));
    assertEquals(400, tooLong.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{bad", "[]", "{\"username\":\"only\"}", "null"})
  void malformedBodiesAreRefused(String body) {
    HttpReply reply = node.postRaw("/api/signup", null, body);
    assertEquals(400, reply.status(), reply.body());
    assertEquals("invalid_request", reply.error().error());
  }

  @Test
  void routesNeedAValidUnexpiredToken() {
    Authenticated henry = node.signUp(Names.unique("henry"), "henry-password");
    long past = Instant.now().minusSeconds(60).getEpochSecond();
    long future = Instant.now().plusSeconds(600).getEpochSecond();
    String expired = TokenForge.sign(TokenForge.nodeSecret(), henry.user().id(), henry.user().username(), past);
    String forged = TokenForge.sign("not-the-secret", henry.user().id(), henry.user().username(), future);
    String valid = TokenForge.sign(TokenForge.nodeSecret(), henry.user().id(), henry.user().username(), future);

    for (String token : new String[] {null, "garbage", forged, expired, henry.token() + "x"}) {
      HttpReply reply = node.get("/api/account", token);
      assertEquals(401, reply.status(), "token " + token);
      assertEquals("unauthorized", reply.error().error());
      assertEquals(401, Handshake.refusalStatus(node, token), "handshake with " + token);
    }
    assertTrue(node.get("/api/account", expired).error().message().contains("expired"));
    assertEquals(200, node.get("/api/account", valid).status());
  }

  @Test
  void aTokenInTheSocketsUrlIsRefusedEvenAValidOne() {
    Authenticated iris = node.signUp(Names.unique("iris"), "iris-password");
    URI inTheUrl = URI.create(node.socketUri() + "?token=" + iris.token() + "&frames=lines");
    assertEquals(400, Handshake.refusalStatus(inTheUrl));
    ChatSocket.connect(node, iris.token()).close();
  }

  @Test
  void roomRequestsAreChecked() {
    Authenticated ivy = node.signUp(Names.unique("ivy"), "ivy-password");
    String room = Names.unique("ivys-room");
    node.createRoom(ivy.token(), room);
    assertEquals(409, node.post("/api/rooms", ivy.token(), new chat.dto.CreateRoom(room.toUpperCase())).status());
    assertEquals(400, node.post("/api/rooms", ivy.token(), new chat.dto.CreateRoom("   ")).status());
    assertEquals(400, node.post("/api/rooms", ivy.token(), new chat.dto.CreateRoom("x".repeat(65))).status());
    assertEquals(404, node.get("/api/rooms/" + Names.unique("nowhere") + "/messages", ivy.token()).status());
    assertEquals(400, node.get("/api/rooms/" + room + "/messages?limit=201", ivy.token()).status());
    assertEquals(400, node.get("/api/rooms/" + room + "/messages?before=soon", ivy.token()).status());
  }

  @Test
  void badFramesGetErrorsOnASocketThatStaysOpenAndLosesNothing() {
    Authenticated jack = node.signUp(Names.unique("jack"), "jack-password");
    String room = Names.unique("jacks-room");
    node.createRoom(jack.token(), room);
    try (ChatSocket socket = ChatSocket.connect(node, jack.token())) {
      socket.send(new ClientFrame.SendChatMessage(room, "before joining", "early"));
      assertError(socket, "forbidden", "early");

      socket.send(new ClientFrame.JoinRoom(room));
      socket.next(ServerFrame.RoomJoined.class);
      socket.send(new ClientFrame.SendChatMessage(room, "kept", "k-1"));
      Message kept = socket.next(ServerFrame.ChatMessagePosted.class).message();

      socket.sendRaw("{not json");
      assertError(socket, "invalid_request", null);
      socket.sendRaw("{\"type\":\"dance\"}");
      assertError(socket, "invalid_request", null);
      socket.sendRaw("{\"type\":\"join_room\",\"room\":\"" + room + "\",\"after\":\"later\"}");
      assertError(socket, "invalid_request", null);
      String missing = Names.unique("missing");
      socket.send(new ClientFrame.JoinRoom(missing));
      assertError(socket, "not_found", "join_room:" + missing);
      socket.send(new ClientFrame.SendChatMessage(room, "x".repeat(2001), "long"));
      assertError(socket, "payload_too_large", "long");
      socket.send(new ClientFrame.SendChatMessage(room, "   ", "blank"));
      assertError(socket, "invalid_request", "blank");
      socket.send(new ClientFrame.LeaveRoom(Names.unique("never-joined")));
      assertError(socket, "not_found", null);

      socket.send(new ClientFrame.SendChatMessage(room, "still here", "k-2"));
      assertEquals("still here", socket.next(ServerFrame.ChatMessagePosted.class).message().text());

      socket.sendRaw("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(9000) + "\"}");
      assertEquals(1009, socket.awaitClose());
      List<Message> history = node.get("/api/rooms/" + room + "/messages", jack.token()).asListOf(Message.class);
      assertEquals(List.of(kept.text(), "still here"), history.stream().map(Message::text).toList());
    }
  }

  private static void assertError(ChatSocket socket, String code, String ref) {
    ServerFrame.RequestFailed error = socket.next(ServerFrame.RequestFailed.class);
    assertEquals(code, error.code(), error.message());
    assertEquals(ref, error.ref());
    assertTrue(error.message() != null && !error.message().isBlank());
    socket.sync();
  }
}
