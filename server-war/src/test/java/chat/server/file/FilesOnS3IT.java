package chat.server.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.server.file.picture.TestPictures;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.S3Server;
import chat.testing.TwoNodes;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Two nodes that keep files' bytes in S3 (CHAT_FILE_STORE=s3 on Adobe's S3Mock, its own process): a
 * file uploaded through one is fetched through the other as it was, whether its length was declared or
 * it came chunked, a picture without its metadata and with its preview, and once its message is deleted it is {@code not_found} at once and its bytes leave
 * the bucket with the cleaner's next run (every second here). A node told s3 without a bucket does not
 * start.
 */
class FilesOnS3IT {

  @TempDir static Path dataDir;

  private static S3Server server;
  private static TwoNodes nodes;
  private static S3Client s3;

  @BeforeAll
  static void startTheBucketAndTwoNodes() {
    server = S3Server.start(dataDir);
    Map<String, String> settings = new HashMap<>(server.nodeEnvironment());
    settings.put("CHAT_FILE_CLEAN_MINUTES", "0.0167");
    nodes = TwoNodes.start(dataDir.resolve("nodes"), settings);
    s3 = S3ByteStoreIT.client(server);
  }

  @AfterAll
  static void stopThem() {
    if (s3 != null) {
      s3.close();
    }
    if (nodes != null) {
      nodes.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aFileUploadedThroughOneNodeIsFetchedThroughTheOtherAndGoesWithItsMessage() {
    ChatHttp a = new ChatHttp(nodes.a.uri());
    ChatHttp b = new ChatHttp(nodes.b.uri());
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    String room = a.createRoom(ann.token(), Names.unique("lobby")).name();
    byte[] declared = bytes(3 * 1024 * 1024 + 11);
    byte[] chunked = bytes(S3ByteStore.PART_BYTES + 7);
    SharedFile report = uploaded(a.upload("report.bin", ann.token(), HttpRequest.BodyPublishers.ofByteArray(declared)));
    SharedFile video =
        uploaded(a.upload("video.bin", ann.token(), HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(chunked))));
    byte[] taken = TestPictures.jpeg(TestPictures.drawing(800, 600), false);
    byte[] withLocation = TestPictures.afterStart(taken, TestPictures.segment(0xE1, TestPictures.exif(1, ByteOrder.BIG_ENDIAN)));
    SharedFile photo = uploaded(a.upload("photo.jpg", ann.token(), HttpRequest.BodyPublishers.ofByteArray(withLocation)));
    assertNotNull(photo.image(), "a picture read back from the bucket, and its thumbnail put there");
    List<String> keys = storeKeys(report, video, photo);
    assertEquals(4, keys.size(), "three files and one preview: " + keys);
    keys.forEach(key -> assertTrue(inTheBucket(key), key));

    Message sent;
    try (ChatSocket socket = ChatSocket.connect(a, ann.token())) {
      socket.send(new ClientFrame.JoinRoom(room, null, null, null));
      socket.nextOf(ServerFrame.RoomJoined.class);
      socket.send(new ClientFrame.SendChatMessage(room, "two files", "s3-files", null, List.of(report.id(), video.id(), photo.id())));
      sent = socket.nextOf(ServerFrame.ChatMessagePosted.class).message();
    }
    assertArrayEquals(declared, fetched(b, bob, report), "the declared one, through the other node");
    assertArrayEquals(chunked, fetched(b, bob, video), "the chunked one, sent up in parts");
    byte[] shown = fetched(b, bob, photo);
    assertFalse(TestPictures.contains(shown, TestPictures.SECRET), "the picture without its metadata");
    assertTrue(shown.length < withLocation.length);
    assertEquals(200, b.fetch("/api/files/" + photo.id() + "/preview", bob.token()).statusCode());

    assertEquals(204, a.delete("/api/messages/" + sent.id(), ann.token()).status());
    HttpResponse<byte[]> gone = b.fetch("/api/files/" + report.id(), bob.token());
    assertEquals(404, gone.statusCode(), "gone with its message, at once");
    assertTrue(new String(gone.body()).contains("not_found"), new String(gone.body()));
    for (String key : keys) {
      Eventually.within(Duration.ofSeconds(30), () -> assertFalse(inTheBucket(key), key + " is still in the bucket"));
    }
  }

  @Test
  void aNodeToldS3WithoutABucketDoesNotStart() throws IOException {
    String name = Names.unique("node-no-bucket");
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> OneNode.start(dataDir.resolve(name), name, Map.of("CHAT_FILE_STORE", "s3", "CHAT_FILE_S3_REGION", S3Server.REGION)));
    String message = refused.getMessage();
    Path log = Path.of(message.substring(message.lastIndexOf("see ") + "see ".length()));
    assertTrue(Files.readString(log).contains("CHAT_FILE_S3_BUCKET (the bucket) is not set"), "the log says why: " + log);
  }

  private static SharedFile uploaded(HttpReply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.as(SharedFile.class);
  }

  private static byte[] fetched(ChatHttp node, Authenticated reader, SharedFile file) {
    HttpResponse<byte[]> fetched = node.fetch("/api/files/" + file.id(), reader.token());
    assertEquals(200, fetched.statusCode());
    return fetched.body();
  }

  private static byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    new Random(count).nextBytes(bytes);
    return bytes;
  }

  private static boolean inTheBucket(String key) {
    try {
      s3.headObject(head -> head.bucket(S3Server.BUCKET).key(key));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Where the nodes put the files' bytes and their previews, as the database has it. */
  private static List<String> storeKeys(SharedFile... files) {
    List<String> keys = new ArrayList<>();
    try (Connection connection = nodes.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT store_key, preview_key FROM shared_file WHERE id = ?")) {
      for (SharedFile file : files) {
        select.setLong(1, file.id());
        try (ResultSet row = select.executeQuery()) {
          assertTrue(row.next(), "file " + file.id());
          keys.add(row.getString(1));
          if (row.getString(2) != null) {
            keys.add(row.getString(2));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return keys;
  }
}
