package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.CreateRoom;
import chat.dto.Credentials;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.UserName;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.server.testing.OneNodeSuite;
import chat.testing.Names;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Control characters, NUL above all, in every string a client sends: refused with
 * {@code invalid_request} where they come in, so they never reach PostgreSQL, where one of them used to
 * fail a whole batch of other people's messages.
 */
class HostileTextIT extends OneNodeSuite {

  private static final int OTHERS = 200;

  @Test
  void aNulInOneMessageFailsNobodyElsesMessages() {
    Authenticated alice = node.signUp(Names.unique("alice"), "alice-password");
    Authenticated bob = node.signUp(Names.unique("bob"), "bob-password");
    String room = Names.unique("nul-room");
    node.createRoom(alice.token(), room);
    try (ChatSocket hostile = ChatSocket.connect(node, alice.token());
        ChatSocket busy = ChatSocket.connect(node, bob.token())) {
      for (ChatSocket socket : List.of(hostile, busy)) {
        socket.send(new ClientFrame.JoinRoom(room));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      // Bob's messages keep the writer busy, so the poisoned one lands in a batch with his.
      for (int i = 0; i < OTHERS; i++) {
        busy.send(new ClientFrame.SendChatMessage(room, "fine " + i, "b-" + i));
        if (i == OTHERS / 2) {
          hostile.send(new ClientFrame.SendChatMessage(room, "poison\u0000pill", "poison"));
        }
      }
      ServerFrame.RequestFailed refused = hostile.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("invalid_request", refused.code(), refused.message());
      assertEquals("poison", refused.ref());

      Set<String> acknowledged = new HashSet<>();
      List<ServerFrame.RequestFailed> failures = new ArrayList<>();
      while (acknowledged.size() + failures.size() < OTHERS) {
        ServerFrame frame = busy.poll(ChatSocket.WAIT);
        if (frame instanceof ServerFrame.ChatMessagePosted posted
            && posted.message().from().id() == bob.user().id()) {
          acknowledged.add(posted.message().clientId());
        } else if (frame instanceof ServerFrame.RequestFailed failed) {
          failures.add(failed);
        } else if (frame == null) {
          break;
        }
      }
      assertEquals(List.of(), failures, "bob's messages failed with alice's");
      assertEquals(OTHERS, acknowledged.size());
    }
    List<Message> stored = node.get("/api/rooms/" + room + "/messages?limit=200", bob.token()).asListOf(Message.class);
    assertEquals(OTHERS, stored.size());
    assertTrue(stored.stream().noneMatch(m -> m.text().contains("poison")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nul\u0000", "bell\u0007", "escape\u001b[2J", "return\rover", "del\u007f", "csi\u009b"})
  void controlCharactersInAMessageAreRefusedButNewlinesAndTabsStay(String text) {
    Authenticated carol = node.signUp(Names.unique("carol"), "carol-password");
    String room = Names.unique("ctl-room");
    node.createRoom(carol.token(), room);
    try (ChatSocket socket = ChatSocket.connect(node, carol.token())) {
      socket.send(new ClientFrame.JoinRoom(room));
      socket.nextOf(ServerFrame.RoomJoined.class);
      socket.send(new ClientFrame.SendChatMessage(room, text, "bad"));
      ServerFrame.RequestFailed refused = socket.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("invalid_request", refused.code(), refused.message());
      assertEquals("bad", refused.ref());

      socket.send(new ClientFrame.SendChatMessage(room, "a\n\tb", "c\u0000id"));
      ServerFrame.RequestFailed badId = socket.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("invalid_request", badId.code(), badId.message());

      socket.send(new ClientFrame.SendChatMessage(room, "two\nlines\tand a tab", "good"));
      assertEquals("two\nlines\tand a tab", socket.nextOf(ServerFrame.ChatMessagePosted.class).message().text());
    }
  }

  @Test
  void aLoneSurrogateIsRefused() {
    Authenticated dan = node.signUp(Names.unique("dan"), "dan-password");
    String room = Names.unique("utf-room");
    node.createRoom(dan.token(), room);
    try (ChatSocket socket = ChatSocket.connect(node, dan.token())) {
      socket.send(new ClientFrame.JoinRoom(room));
      socket.nextOf(ServerFrame.RoomJoined.class);
      socket.sendRaw("{\"type\":\"new_chat_message\",\"room\":\"" + room + "\",\"text\":\"half \\ud83d\",\"clientId\":\"s\"}");
      assertEquals("invalid_request", socket.nextOf(ServerFrame.RequestFailed.class).code());
      socket.send(new ClientFrame.SendChatMessage(room, "whole \ud83d\ude00", "w"));
      assertEquals("whole \ud83d\ude00", socket.nextOf(ServerFrame.ChatMessagePosted.class).message().text());
    }
  }

  @Test
  void controlCharactersInNamesAndPasswordsAreRefusedOverRest() {
    Authenticated erin = node.signUp(Names.unique("erin"), "erin-password");
    String nul = "\u0000";
    List<HttpReply> replies =
        List.of(
            node.post("/api/signup", null, new Credentials("nul" + nul + "name", "good-password")),
            node.post("/api/signup", null, new Credentials(Names.unique("frank"), "pass" + nul + "word")),
            node.post("/api/login", null, new Credentials("nul" + nul + "name", "good-password")),
            node.post("/api/login", null, new Credentials(erin.user().username(), "erin" + nul + "password")),
            node.post("/api/rooms", erin.token(), new CreateRoom("room" + nul)),
            node.post("/api/users/add", erin.token(), new UserName("pe" + nul + "er")),
            node.post("/api/users/block", erin.token(), new UserName("pe\u0007er")));
    for (HttpReply reply : replies) {
      assertEquals(400, reply.status(), reply.toString());
      assertEquals("invalid_request", reply.error().error(), reply.toString());
    }
    // In a path the HTTP container refuses a NUL itself, before any route sees it.
    for (String path : List.of("/api/rooms/%s/messages", "/api/dms/%s/messages")) {
      String named = path.formatted(URLEncoder.encode("pe" + nul + "er", StandardCharsets.UTF_8));
      assertEquals(400, node.get(named, erin.token()).status(), named);
    }
    assertEquals(200, node.get("/api/account", erin.token()).status());
  }

  @Test
  void controlCharactersInFrameNamesAreRefusedOnASocketThatStaysOpen() {
    Authenticated gina = node.signUp(Names.unique("gina"), "gina-password");
    try (ChatSocket socket = ChatSocket.connect(node, gina.token())) {
      socket.send(new ClientFrame.JoinRoom("lobby\u0000"));
      assertEquals("invalid_request", socket.nextOf(ServerFrame.RequestFailed.class).code());
      socket.send(new ClientFrame.SendDirectMessage("pe\u0000er", "hello", "d-1"));
      ServerFrame.RequestFailed direct = socket.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("invalid_request", direct.code(), direct.message());
      assertEquals("d-1", direct.ref());
      socket.sync();
      assertTrue(socket.isOpen());
    }
  }
}
