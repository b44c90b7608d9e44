package chat.server.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.CreateRoom;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.dto.UserName;
import chat.server.file.picture.TestPictures;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteOrder;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pictures across two nodes (docs/protocol.md, "Files"): sized and thumbnailed on upload, served to
 * others without their metadata, and a picture that would take too much to decode kept as a file.
 */
@ExtendWith(SharedTwoNodes.class)
class PicturesIT {

  private static ChatHttp a;
  private static ChatHttp b;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    a = new ChatHttp(shared.a.uri());
    b = new ChatHttp(shared.b.uri());
  }

  @Test
  void aPhotoIsServedToOthersWithoutItsLocationAndWithAThumbnailThroughEitherNode() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    String room = Names.unique("photos");
    assertEquals(201, a.post("/api/rooms", ann.token(), new CreateRoom(room, true)).status());
    assertEquals(200, a.post("/api/rooms/" + room + "/members", ann.token(), new UserName(bob.user().username())).status());
    byte[] taken = TestPictures.jpeg(TestPictures.drawing(1200, 800), false);
    byte[] photo = TestPictures.afterStart(taken, TestPictures.segment(0xE1, TestPictures.exif(6, ByteOrder.BIG_ENDIAN)));
    assertTrue(TestPictures.contains(photo, TestPictures.SECRET));

    SharedFile uploaded = uploaded(a.upload("IMG_0001.jpg", ann.token(), HttpRequest.BodyPublishers.ofByteArray(photo)));
    assertEquals("image/jpeg", uploaded.type());
    assertEquals(new SharedFile.Picture(800, 1200, 6), uploaded.image(), "its size as shown: taken sideways, shown upright, and how to turn it");

    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token()); ChatSocket bobOnB = ChatSocket.connect(b, bob.token())) {
      for (ChatSocket socket : List.of(annOnA, bobOnB)) {
        socket.send(new ClientFrame.JoinRoom(room, null, null, null));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      annOnA.send(new ClientFrame.SendChatMessage(room, "the view", "photo", null, List.of(uploaded.id())));
      Message posted = bobOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(List.of(uploaded), posted.files());
    }

    HttpResponse<byte[]> served = b.fetch("/api/files/" + uploaded.id(), bob.token());
    assertEquals(200, served.statusCode());
    assertFalse(TestPictures.contains(served.body(), TestPictures.SECRET), "no location for others");
    assertEquals(uploaded.size(), served.body().length, "what is stored is what is served");
    assertEquals(1200, decoded(served.body()).getWidth(), "its pixels as they were");

    HttpResponse<byte[]> preview = b.fetch("/api/files/" + uploaded.id() + "/preview", bob.token());
    assertEquals(200, preview.statusCode());
    assertEquals("image/jpeg", preview.headers().firstValue("Content-Type").orElse(null));
    assertEquals("nosniff", preview.headers().firstValue("X-Content-Type-Options").orElse(null));
    assertEquals("private, no-store", preview.headers().firstValue("Cache-Control").orElse(null));
    BufferedImage thumbnail = decoded(preview.body());
    assertEquals(213, thumbnail.getWidth(), "upright, 320 pixels high");
    assertEquals(320, thumbnail.getHeight());

    assertEquals(404, b.fetch("/api/files/" + uploaded.id() + "/preview", b.signUp(Names.unique("eve"), "eve-password").token()).statusCode(),
        "a preview is the picture's readers' as the picture is: the private room's members");
  }

  @Test
  void aDecompressionBombIsKeptAsAPlainFileWithoutEverBeingDecoded() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    byte[] bomb = TestPictures.pngClaiming(100_000, 100_000);

    SharedFile kept = uploaded(a.upload("bomb.png", ann.token(), HttpRequest.BodyPublishers.ofByteArray(bomb)));
    assertEquals("image/png", kept.type());
    assertNull(kept.image(), "no picture: ten billion pixels by its header");
    HttpReply noPreview = b.get("/api/files/" + kept.id() + "/preview", ann.token());
    assertEquals(404, noPreview.status());
    assertEquals("not_found", noPreview.error().error());
    assertArrayEquals(bomb, b.fetch("/api/files/" + kept.id(), ann.token()).body(), "still its uploader's file, as it came");

    SharedFile next = uploaded(a.upload("fine.png", ann.token(), HttpRequest.BodyPublishers.ofByteArray(TestPictures.png(TestPictures.drawing(64, 48)))));
    assertEquals(new SharedFile.Picture(64, 48), next.image(), "the next picture is read as ever");
  }

  @Test
  void aFileThatIsNoPictureHasNoPreview() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    SharedFile text = uploaded(a.upload("notes.png", ann.token(), HttpRequest.BodyPublishers.ofByteArray("just words".getBytes())));
    assertNull(text.image());
    assertEquals(404, a.get("/api/files/" + text.id() + "/preview", ann.token()).status());
  }

  private static SharedFile uploaded(HttpReply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.as(SharedFile.class);
  }

  private static BufferedImage decoded(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
