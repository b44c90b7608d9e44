package chat.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Authenticated;
import chat.dto.BanRequest;
import chat.dto.ClientFrame;
import chat.dto.Credentials;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.PayaraNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node stopped and started again on the same data keeps accounts, rooms, history and tokens. */
class RestartIT {

  @TempDir Path dataDir;

  @Test
  void historyAndBansSurviveARestart() {
    Map<String, String> environment =
        Map.of(
            "CHAT_DATA_DIR", dataDir.toString(),
            "CHAT_BCRYPT_COST", "4",
            "CHAT_ADMIN_USERNAME", "root",
            "CHAT_ADMIN_PASSWORD", "root-password");
    Path logs = Path.of(System.getProperty("chat.it.dataDir")).getParent().resolve("node-logs");
    List<Message> sent = new ArrayList<>();
    Authenticated kim;
    Authenticated spammer;
    try (PayaraNode node = new PayaraNode("restart-1", environment, logs).start()) {
      ChatHttp http = new ChatHttp(node.uri());
      kim = http.signUp("kim", "kim-password");
      spammer = http.signUp("spammer", "spammer-password");
      String root = http.logIn("root", "root-password").token();
      assertEquals(200, http.post("/api/users/ban", root, new BanRequest("spammer", false, "spam")).status());
      http.createRoom(kim.token(), "durable");
      try (ChatSocket socket = ChatSocket.connect(http, kim.token())) {
        socket.send(new ClientFrame.JoinRoom("durable"));
        socket.next(ServerFrame.RoomJoined.class);
        for (int i = 0; i < 5; i++) {
          socket.send(new ClientFrame.SendChatMessage("durable", "kept " + i, "r-" + i));
          sent.add(socket.next(ServerFrame.ChatMessagePosted.class).message());
        }
      }
    }

    try (PayaraNode node = new PayaraNode("restart-2", environment, logs).start()) {
      ChatHttp http = new ChatHttp(node.uri());
      assertEquals(kim.user(), http.logIn("kim", "kim-password").user());
      // Bans are stored: after the restart the banned user still cannot log in or use an old token.
      assertEquals(403, http.post("/api/login", null, new Credentials("spammer", "spammer-password")).status());
      assertEquals("banned", http.get("/api/account", spammer.token()).error().error());
      // The token secret was kept in the data directory, so a token from before still works.
      assertEquals(sent, http.get("/api/rooms/durable/messages", kim.token()).asListOf(Message.class));
      try (ChatSocket socket = ChatSocket.connect(http, kim.token())) {
        socket.send(new ClientFrame.JoinRoom("durable"));
        assertEquals(sent, socket.next(ServerFrame.RoomJoined.class).history());
        // A retry after the restart is still recognised as the message stored before it.
        socket.send(new ClientFrame.SendChatMessage("durable", "kept 4", "r-4"));
        assertEquals(sent.get(4), socket.next(ServerFrame.ChatMessagePosted.class).message());
      }
    }
  }
}
