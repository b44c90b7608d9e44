package chat.server.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Eventually;
import chat.testing.OneNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cleaner on a node of its own, its clock fast (every second, uploads unsent for two seconds): what
 * no one may fetch goes with its bytes, and what a live message holds stays.
 */
class FileCleanerIT {

  private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dataDir;

  @Test
  void deletesUnsentUploadsAndTheFilesOfDeletedMessagesButNotTheFilesOfLiveOnes() {
    Map<String, String> fast = Map.of("CHAT_FILE_CLEAN_MINUTES", "0.0167", "CHAT_FILE_PENDING_HOURS", "0.00056");
    try (OneNode node = OneNode.start(dataDir, "node-cleaner", fast)) {
      ChatHttp http = new ChatHttp(node.uri());
      Authenticated ann = http.signUp("ann", "ann-password");
      String room = http.createRoom(ann.token(), "lobby").name();
      SharedFile kept = uploaded(http, ann, "kept.pdf");
      SharedFile withDeleted = uploaded(http, ann, "gone-with-its-message.pdf");
      try (ChatSocket socket = ChatSocket.connect(http, ann.token())) {
        socket.send(new ClientFrame.JoinRoom(room, null, null, null));
        socket.nextOf(ServerFrame.RoomJoined.class);
        socket.send(new ClientFrame.SendChatMessage(room, "kept", "m-1", null, List.of(kept.id())));
        socket.nextOf(ServerFrame.ChatMessagePosted.class);
        socket.send(new ClientFrame.SendChatMessage(room, "deleted", "m-2", null, List.of(withDeleted.id())));
        Message deleted = socket.nextOf(ServerFrame.ChatMessagePosted.class).message();
        assertEquals(204, http.delete("/api/messages/" + deleted.id(), ann.token()).status());
      }
      SharedFile unsent = uploaded(http, ann, "never-sent.pdf");

      Eventually.within(Duration.ofSeconds(30), () -> assertEquals(0, rows(node, unsent.id()), "an upload not sent in time"));
      Eventually.within(Duration.ofSeconds(30), () -> assertEquals(0, rows(node, withDeleted.id()), "a deleted message's file"));
      Eventually.within(Duration.ofSeconds(30), () -> assertEquals(1, blobs(node), "of three uploads' bytes, one is left"));
      assertArrayEquals(PDF, http.fetch("/api/files/" + kept.id(), ann.token()).body(), "a live message's file stays");
    }
  }

  private static SharedFile uploaded(ChatHttp http, Authenticated owner, String name) {
    HttpReply reply = http.upload(name, owner.token(), HttpRequest.BodyPublishers.ofByteArray(PDF));
    assertEquals(201, reply.status(), reply.body());
    return reply.as(SharedFile.class);
  }

  private static long rows(OneNode node, long fileId) {
    return count(node, "SELECT count(*) FROM shared_file WHERE id = " + fileId);
  }

  private static long blobs(OneNode node) {
    return count(node, "SELECT count(*) FROM file_blob");
  }

  private static long count(OneNode node, String sql) {
    try (Connection connection = node.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
