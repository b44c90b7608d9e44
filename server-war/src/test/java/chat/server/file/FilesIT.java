package chat.server.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.CreateRoom;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uploads and fetches across two nodes (docs/protocol.md, "Files"): a file uploaded through one node is
 * its uploader's through the other and no one else's, typed by its bytes, served so that a browser
 * runs nothing, and one that breaks a limit or breaks off keeps nothing.
 */
@ExtendWith(SharedTwoNodes.class)
class FilesIT {

  private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PAGE =
      "<!DOCTYPE html><html><body><script>fetch('/api/account')</script></body></html>".getBytes(StandardCharsets.US_ASCII);

  private static ChatHttp a;
  private static ChatHttp b;
  private static DataSource database;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    a = new ChatHttp(shared.a.uri());
    b = new ChatHttp(shared.b.uri());
    database = shared.dataSource();
  }

  @Test
  void aFileUploadedThroughOneNodeIsItsUploadersThroughTheOtherAndNoOneElses() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");

    HttpReply uploaded = a.upload("../../work/report.pdf", ann.token(), HttpRequest.BodyPublishers.ofByteArray(PDF));
    assertEquals(201, uploaded.status(), uploaded.body());
    SharedFile file = uploaded.as(SharedFile.class);
    assertEquals("report.pdf", file.name(), "no path goes further than the name");
    assertEquals("application/pdf", file.type());
    assertEquals(PDF.length, file.size());

    HttpResponse<byte[]> fetched = b.fetch("/api/files/" + file.id(), ann.token());
    assertEquals(200, fetched.statusCode());
    assertArrayEquals(PDF, fetched.body());
    assertEquals("application/octet-stream", header(fetched, "Content-Type"), "a download, never a page");
    assertEquals("attachment; filename*=UTF-8''report.pdf", header(fetched, "Content-Disposition"));
    assertEquals("nosniff", header(fetched, "X-Content-Type-Options"));
    assertTrue(fetched.headers().allValues("Content-Security-Policy").stream().anyMatch(p -> p.startsWith("sandbox")), fetched.headers().toString());
    assertEquals("private, no-store", header(fetched, "Cache-Control"));

    assertEquals(404, b.fetch("/api/files/" + file.id(), bob.token()).statusCode(), "not sent yet: its uploader's alone");
    assertEquals(401, b.fetch("/api/files/" + file.id(), null).statusCode());
    assertEquals(404, a.fetch("/api/files/" + Long.MAX_VALUE, ann.token()).statusCode());
    assertEquals(400, a.fetch("/api/files/one", ann.token()).statusCode());
  }

  @Test
  void theTypeIsReadFromTheBytesNeverFromTheName() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");

    SharedFile page = uploaded(a.upload("cat.png", ann.token(), HttpRequest.BodyPublishers.ofByteArray(PAGE)));
    assertEquals("text/html", page.type(), "a page named as a picture is a page");
    HttpResponse<byte[]> served = b.fetch("/api/files/" + page.id(), ann.token());
    assertEquals("application/octet-stream", header(served, "Content-Type"));
    assertTrue(header(served, "Content-Disposition").startsWith("attachment"));

    byte[] png = png();
    SharedFile picture = uploaded(a.upload("notes.txt", ann.token(), HttpRequest.BodyPublishers.ofByteArray(png)));
    assertEquals("image/png", picture.type());
    HttpResponse<byte[]> shown = b.fetch("/api/files/" + picture.id(), ann.token());
    assertEquals("image/png", header(shown, "Content-Type"), "a picture is shown as one");
    assertFalse(shown.headers().firstValue("Content-Disposition").isPresent());
    assertArrayEquals(png, shown.body());
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedAndNothingOfItIsKept() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    long blobs = blobs();
    long most = 25L * 1024 * 1024;

    // Chunked, so that the server learns of its size only by reading it.
    HttpReply refused = a.upload("huge.bin", ann.token(), HttpRequest.BodyPublishers.fromPublisher(zeros(most + 1)));
    assertEquals(413, refused.status(), refused.body());
    assertEquals("payload_too_large", refused.error().error());
    assertEquals(blobs, blobs(), "no bytes of it kept");

    SharedFile atTheLimit = uploaded(a.upload("exact.bin", ann.token(), HttpRequest.BodyPublishers.fromPublisher(zeros(most))));
    assertEquals(most, atTheLimit.size());
  }

  @Test
  void anUploadDeletedBeforeItIsSentIsGoneAndOnlyItsUploaderDeletesIt() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    SharedFile file = uploaded(a.upload("draft.pdf", ann.token(), HttpRequest.BodyPublishers.ofByteArray(PDF)));
    long blobs = blobs();

    assertEquals(404, b.delete("/api/files/" + file.id(), bob.token()).status());
    assertEquals(200, b.fetch("/api/files/" + file.id(), ann.token()).statusCode());
    assertEquals(204, b.delete("/api/files/" + file.id(), ann.token()).status());
    assertEquals(404, a.fetch("/api/files/" + file.id(), ann.token()).statusCode());
    assertEquals(blobs - 1, blobs(), "its bytes are gone");
  }

  @Test
  void aFileSentInARoomIsItsReadersOnEveryNodeUntilTheMessageIsDeleted() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated eve = b.signUp(Names.unique("eve"), "eve-password");
    String team = Names.unique("team");
    assertEquals(201, a.post("/api/rooms", ann.token(), new CreateRoom(team, true)).status());
    assertEquals(200, a.post("/api/rooms/" + team + "/members", ann.token(), new UserName(bob.user().username())).status());
    SharedFile report = uploaded(a.upload("report.pdf", ann.token(), HttpRequest.BodyPublishers.ofByteArray(PDF)));

    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token()); ChatSocket bobOnB = ChatSocket.connect(b, bob.token())) {
      join(team, annOnA, bobOnB);
      annOnA.send(new ClientFrame.SendChatMessage(team, "", "with-file", null, List.of(report.id())));
      Message sent = bobOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(List.of(report), sent.files(), "the message carries the file, no text needed");
      assertEquals(List.of(report), history(b, bob, team).get(0).files(), "and so does history");

      assertArrayEquals(PDF, b.fetch("/api/files/" + report.id(), bob.token()).body(), "a member fetches it through the other node");
      assertEquals(404, b.fetch("/api/files/" + report.id(), eve.token()).statusCode(), "an outsider of the private room does not");
      assertEquals(404, a.delete("/api/files/" + report.id(), ann.token()).status(), "sent: no longer an upload to take back");

      annOnA.send(new ClientFrame.SendChatMessage(team, "again", "twice", null, List.of(report.id())));
      assertEquals("invalid_request", annOnA.nextOf(ServerFrame.RequestFailed.class).code(), "a file is sent once");
      SharedFile bobs = uploaded(b.upload("bobs.pdf", bob.token(), HttpRequest.BodyPublishers.ofByteArray(PDF)));
      annOnA.send(new ClientFrame.SendChatMessage(team, "not mine", "theirs", null, List.of(bobs.id())));
      assertEquals("invalid_request", annOnA.nextOf(ServerFrame.RequestFailed.class).code(), "nor anyone else's");

      assertEquals(204, a.delete("/api/messages/" + sent.id(), ann.token()).status());
      assertEquals(404, b.fetch("/api/files/" + report.id(), bob.token()).statusCode(), "gone with its message, at once");
      assertEquals(404, a.fetch("/api/files/" + report.id(), ann.token()).statusCode(), "for its sender too");
    }
  }

  @Test
  void aFileSentToAFriendIsTheirsAndNoOneElses() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated eve = b.signUp(Names.unique("eve"), "eve-password");
    assertEquals(200, a.post("/api/users/add", ann.token(), new UserName(bob.user().username())).status());
    assertEquals(200, b.post("/api/users/add", bob.token(), new UserName(ann.user().username())).status());
    byte[] png = png();
    SharedFile picture = uploaded(a.upload("holiday.png", ann.token(), HttpRequest.BodyPublishers.ofByteArray(png)));

    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token()); ChatSocket bobOnB = ChatSocket.connect(b, bob.token())) {
      annOnA.send(new ClientFrame.SendDirectMessage(bob.user().username(), "look", "dm-file", null, List.of(picture.id())));
      assertEquals(List.of(picture), bobOnB.nextOf(ServerFrame.DirectMessagePosted.class).message().files());
    }
    assertArrayEquals(png, b.fetch("/api/files/" + picture.id(), bob.token()).body());
    assertEquals(404, b.fetch("/api/files/" + picture.id(), eve.token()).statusCode());
  }

  @Test
  void aBadNameIsAClearError() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    for (String name : new String[] {"", "   ", "dir/", "..", "a\u0007b", "invoice\u202Efdp.exe", "x".repeat(SharedFile.MAX_NAME + 1)}) {
      HttpReply refused = a.upload(name, ann.token(), HttpRequest.BodyPublishers.ofByteArray(PDF));
      assertEquals(400, refused.status(), name + ": " + refused.body());
      assertEquals("invalid_request", refused.error().error());
    }
    assertEquals(201, a.upload("x".repeat(SharedFile.MAX_NAME), ann.token(), HttpRequest.BodyPublishers.ofByteArray(PDF)).status());
  }

  private static void join(String room, ChatSocket... sockets) {
    for (ChatSocket socket : sockets) {
      socket.send(new ClientFrame.JoinRoom(room, null, null, null));
      socket.nextOf(ServerFrame.RoomJoined.class);
    }
  }

  private static List<Message> history(ChatHttp node, Authenticated reader, String room) {
    HttpReply reply = node.get("/api/rooms/" + room + "/messages", reader.token());
    assertEquals(200, reply.status(), reply.body());
    return reply.asListOf(Message.class);
  }

  private static SharedFile uploaded(HttpReply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.as(SharedFile.class);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code count} zero bytes, made as they are sent, in pieces of 64 KiB. */
  private static Flow.Publisher<ByteBuffer> zeros(long count) {
    return subscriber -> {
      AtomicLong left = new AtomicLong(count);
      subscriber.onSubscribe(
          new Flow.Subscription() {
            private boolean done;

            @Override
            public synchronized void request(long n) {
              for (long i = 0; i < n && !done; i++) {
                long piece = Math.min(64 * 1024, left.get());
                if (piece == 0) {
                  done = true;
                  subscriber.onComplete();
                  return;
                }
                left.addAndGet(-piece);
                subscriber.onNext(ByteBuffer.allocate((int) piece));
              }
            }

            @Override
            public void cancel() {
              done = true;
            }
          });
    };
  }

  /** The database store's blobs, as PostgreSQL has them. */
  private static long blobs() {
    try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
        ResultSet count = sql.executeQuery("SELECT count(*) FROM file_blob")) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
