package chat.desktop;

import static chat.desktop.AppRobot.SOON;
import static chat.desktop.AppRobot.clickRoom;
import static chat.desktop.AppRobot.logIn;
import static chat.desktop.AppRobot.onFx;
import static chat.desktop.AppRobot.shown;
import static chat.desktop.AppRobot.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ChatApi;
import chat.desktop.conversation.FilePicker;
import chat.desktop.main.SystemNotifier;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Files between the app on node B and a bot on node A: one attached in the app (picked through the
 * app's seam for the system's file dialog, which no test drives) arrives with its message and comes
 * back byte for byte; a picture and a PDF the bot sends show as a picture and a card, and Save writes
 * the same bytes; an upload taken off leaves nothing sent and nothing kept.
 */
@ExtendWith({SharedTwoNodes.class, ApplicationExtension.class})
class DesktopFilesIT {

  private static final byte[] PDF_START = "%PDF-1.4\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.US_ASCII);

  private final TwoNodes cluster;
  private final List<Bot> bots = new ArrayList<>();
  /** What the user "picks" in the file dialogs, in their place. */
  private final Picks picks = new Picks();
  private Stage window;

  DesktopFilesIT(TwoNodes cluster) {
    this.cluster = cluster;
  }

  @Start
  void start(Stage stage) throws Exception {
    window = stage;
    var settings = Files.createTempDirectory("chat-desktop").resolve("settings.properties");
    new ChatApp(new Settings(settings, cluster.b.uri().toString()), Bot.quickBackoff(), SystemNotifier.create(), picks).start(stage);
  }

  @AfterEach
  void stopBots() {
    bots.forEach(Bot::close);
  }

  @Test
  void aFileAttachedInTheAppReachesTheOtherNodeWithTheSameBytes(FxRobot robot) throws Exception {
    Path disk = Files.createTempDirectory("chat-files");
    String me = Names.unique("cy");
    Bot ann = inARoomWithAnn(robot, me);
    byte[] bytes = pdf(600 * 1024);
    Path report = Files.write(disk.resolve("report.pdf"), bytes);

    picks.toAttach.add(List.of(report));
    robot.clickOn("#attach");
    awaitUploaded(robot, "report.pdf");
    assertTrue(text(robot, "#attachments .muted").contains("KB"), "its size beside its name");
    robot.clickOn("#draft").write("the figures");
    robot.clickOn("#send");

    Message sent = ann.next(ServerFrame.ChatMessagePosted.class, p -> p.message().text().equals("the figures")).message();
    assertEquals(1, sent.files().size());
    SharedFile file = sent.files().get(0);
    assertEquals("report.pdf", file.name());
    assertEquals("application/pdf", file.type());
    assertEquals(bytes.length, file.size());
    try (InputStream in = ann.api.file(file.id())) {
      assertArrayEquals(bytes, in.readAllBytes(), "the same bytes, fetched through the other node");
    }
    Eventually.within(SOON, () -> assertTrue(!onFx(() -> robot.lookup("#attachments").query().isVisible()), "the chips went with the message"));
  }

  @Test
  void aPictureAndAPdfFromTheOtherNodeShowAndSaveWritesTheSameBytes(FxRobot robot) throws Exception {
    Path disk = Files.createTempDirectory("chat-files");
    String me = Names.unique("dee");
    Bot ann = inARoomWithAnn(robot, me);
    String room = roomOf(robot);
    Path png = picture(disk.resolve("harbour.png"), 800, 500);
    byte[] pdfBytes = pdf(48 * 1024);
    Path pdf = Files.write(disk.resolve("timetable.pdf"), pdfBytes);
    SharedFile picture = ann.api.upload(png, (sent, total) -> {}).get(30, TimeUnit.SECONDS);
    SharedFile timetable = ann.api.upload(pdf, (sent, total) -> {}).get(30, TimeUnit.SECONDS);
    ann.connection.send(room, "The harbour at dawn, and the ferry times", null, List.of(picture.id(), timetable.id()));

    shown(robot, Label.class, l -> "timetable.pdf".equals(l.getText()) && in(l, "messages"));
    assertEquals("48 KB · application/pdf", shown(robot, Label.class, l -> l.getText() != null && l.getText().endsWith("application/pdf") && in(l, "messages")).getText());
    ImageView shownPicture = shown(robot, ImageView.class, v -> v.getImage() != null && in(v, "messages"));
    Eventually.within(SOON, () -> assertTrue(onFx(() -> shownPicture.getImage().getProgress() == 1 && !shownPicture.getImage().isError())));
    assertEquals(320.0, (double) onFx(shownPicture::getFitWidth), "within 320 pixels, from the picture's own size");
    assertEquals(200.0, (double) onFx(shownPicture::getFitHeight));
    ImageView inFull = openInFull(robot, shownPicture);
    assertEquals(800.0, (double) onFx(() -> inFull.getImage().getWidth()), "in full, in a window of its own");
    onFx(
        () -> {
          ((Stage) inFull.getScene().getWindow()).close();
          return null;
        });
    Path leftForLater = Files.write(disk.resolve("notes.pdf"), pdf(2 * 1024));
    picks.toAttach.add(List.of(leftForLater));
    robot.clickOn("#attach");
    awaitUploaded(robot, "notes.pdf");
    Screenshots.take(window, "desktop-files");

    Path saved = disk.resolve("saved.pdf");
    picks.saveAs.add(saved);
    // Looked up again: the list drew its rows anew as the picture's window came and went.
    Label card = shown(robot, Label.class, l -> "timetable.pdf".equals(l.getText()) && in(l, "messages"));
    robot.clickOn(saveButtonBeside(robot, card));
    Eventually.within(SOON, () -> assertTrue(saved.toFile().length() == pdfBytes.length, "saved"));
    assertArrayEquals(pdfBytes, Files.readAllBytes(saved));
    assertEquals(List.of("timetable.pdf"), picks.askedToSave, "the dialog was offered the file's name");
    Eventually.within(SOON, () -> assertTrue(text(robot, "#fileNotice").startsWith("Saved timetable.pdf"), text(robot, "#fileNotice")));
  }

  /**
   * A photo taken sideways (its EXIF orientation 6, as phones write it) opens upright in full: JavaFX's
   * reader ignores EXIF, so the app turns it by the orientation the server read.
   */
  @Test
  void aPhotoTakenSidewaysOpensUpright(FxRobot robot) throws Exception {
    Path disk = Files.createTempDirectory("chat-files");
    Bot ann = inARoomWithAnn(robot, Names.unique("fay"));
    Path photo = Files.write(disk.resolve("portrait.jpg"), sideways(600, 400));
    SharedFile uploaded = ann.api.upload(photo, (sent, total) -> {}).get(30, TimeUnit.SECONDS);
    assertEquals(new SharedFile.Picture(400, 600, 6), uploaded.image());
    ann.connection.send(roomOf(robot), "taken holding the phone upright", null, List.of(uploaded.id()));

    ImageView preview = shown(robot, ImageView.class, v -> v.getImage() != null && in(v, "messages"));
    Eventually.within(SOON, () -> assertTrue(onFx(() -> preview.getImage().getProgress() == 1 && !preview.getImage().isError())));
    assertEquals(320.0, (double) onFx(preview::getFitHeight), "upright: taller than wide");
    ImageView inFull = openInFull(robot, preview);
    assertEquals(90.0, (double) onFx(inFull::getRotate), "turned a quarter clockwise");
    assertEquals(400.0, (double) onFx(() -> Math.rint(inFull.getBoundsInParent().getWidth())), "as wide as shown");
    assertEquals(600.0, (double) onFx(() -> Math.rint(inFull.getBoundsInParent().getHeight())));
    onFx(
        () -> {
          ((Stage) inFull.getScene().getWindow()).close();
          return null;
        });
  }

  /**
   * A large file taken off while it uploads (or, on a fast day, just after): nothing of it is kept, and
   * the draft sent afterwards goes without it.
   */
  @Test
  void aFileTakenOffLeavesNothingSentAndNothingKept(FxRobot robot) throws Exception {
    Path disk = Files.createTempDirectory("chat-files");
    String me = Names.unique("eli");
    Bot ann = inARoomWithAnn(robot, me);
    byte[] large = new byte[24 * 1024 * 1024];
    new Random(35).nextBytes(large);
    Path video = Files.write(disk.resolve("video.bin"), large);

    picks.toAttach.add(List.of(video));
    robot.clickOn("#attach");
    shown(robot, Label.class, l -> "video.bin".equals(l.getText()) && in(l, "attachments"));
    robot.clickOn(shown(robot, Button.class, b -> b.getStyleClass().contains(Styles.DETACH)));
    Eventually.within(SOON, () -> assertTrue(!onFx(() -> robot.lookup("#attachments").query().isVisible()), "taken off"));
    robot.clickOn("#draft").write("never mind the video");
    robot.clickOn("#send");

    Message sent = ann.next(ServerFrame.ChatMessagePosted.class, p -> p.message().text().equals("never mind the video")).message();
    assertNull(sent.files(), "nothing sent with it");
    Eventually.within(SOON, () -> assertEquals(0, uploadsOf(me), "nothing kept of the upload"));
  }

  /** Ann, a bot on node A, in a room of hers that the app's new user {@code me}, on node B, has open. */
  private Bot inARoomWithAnn(FxRobot robot, String me) {
    ChatApi anonymous = ChatApi.of(cluster.b.uri());
    anonymous.signUp(me, "long-enough");
    Bot ann = Bot.signUp(cluster.a.uri(), Names.unique("ann"));
    bots.add(ann);
    String room = ann.api.createRoom(Names.unique("harbour")).name();
    ann.connection.join(room);
    ann.next(ServerFrame.RoomJoined.class);
    logIn(robot, me, "long-enough");
    clickRoom(robot, room);
    Eventually.within(SOON, () -> assertEquals("# " + room, text(robot, "#conversationTitle")));
    ann.next(ServerFrame.MemberJoined.class, j -> j.user().username().equals(me));
    return ann;
  }

  private static String roomOf(FxRobot robot) {
    return text(robot, "#conversationTitle").substring(2);
  }

  /**
   * Clicks the picture until its own window shows it: the list may draw its rows anew between the
   * lookup and the click (focus, selection), and a click on a row so drawn only selects it.
   */
  private static ImageView openInFull(FxRobot robot, ImageView preview) {
    Predicate<Node> full = n -> n instanceof ImageView v && "fullPicture".equals(v.getId()) && v.getImage() != null;
    ImageView target = preview;
    for (int click = 0; click < 3; click++) {
      robot.clickOn(target);
      try {
        Eventually.within(Duration.ofSeconds(10), () -> assertTrue(onFx(() -> robot.lookup(full).tryQuery().isPresent()), text(robot, "#chatError")));
        return onFx(() -> (ImageView) robot.lookup(full).query());
      } catch (AssertionError notYet) {
        target = shown(robot, ImageView.class, v -> v.getImage() != null && in(v, "messages"));
      }
    }
    throw new AssertionError("the picture did not open in full: " + text(robot, "#chatError"));
  }

  /** The chip of {@code name} says it is uploaded, its progress bar gone. */
  private static void awaitUploaded(FxRobot robot, String name) {
    Label chipName = shown(robot, Label.class, l -> name.equals(l.getText()) && in(l, "attachments"));
    Eventually.within(
        SOON,
        () ->
            assertTrue(
                onFx(
                    () ->
                        chipName.getParent().getChildrenUnmodifiable().stream()
                            .anyMatch(n -> n instanceof Label l && "✓".equals(l.getText()))
                        && chipName.getParent().getChildrenUnmodifiable().stream()
                            .noneMatch(n -> n instanceof ProgressBar && n.isVisible())),
                name + " uploaded"));
  }

  /** The Save… of the card whose name is {@code name}. */
  private static Button saveButtonBeside(FxRobot robot, Label name) {
    return onFx(
        () -> {
          Node card = name;
          while (!card.getStyleClass().contains(Styles.FILE_CARD)) {
            card = card.getParent();
          }
          return (Button) card.lookup("." + Styles.SAVE_FILE);
        });
  }

  private static boolean in(Node node, String id) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (id.equals(at.getId())) {
        return true;
      }
    }
    return false;
  }

  /** A PDF's start and then {@code size} bytes in all: the server reads its type from the start. */
  private static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    System.arraycopy(PDF_START, 0, bytes, 0, PDF_START.length);
    return bytes;
  }

  /** A PNG of a sky at dawn, {@code width} by {@code height}. */
  private static Path picture(Path at, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D paint = image.createGraphics();
    paint.setPaint(new GradientPaint(0, 0, new Color(0xF6B17A), 0, height, new Color(0x2D3250)));
    paint.fillRect(0, 0, width, height);
    paint.setColor(new Color(0x424769));
    paint.fillRect(0, height * 3 / 4, width, height / 4);
    paint.dispose();
    try {
      ImageIO.write(image, "png", at.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return at;
  }

  /** A JPEG {@code width} by {@code height} as stored, with an EXIF that says to show it turned a quarter clockwise. */
  private static byte[] sideways(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D paint = image.createGraphics();
    paint.setPaint(new GradientPaint(0, 0, new Color(0x7AB1F6), width, 0, new Color(0x50322D)));
    paint.fillRect(0, 0, width, height);
    paint.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpeg", jpeg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] stored = jpeg.toByteArray();
    ByteBuffer exif = ByteBuffer.allocate(36);
    exif.put((byte) 0xFF).put((byte) 0xE1).putShort((short) 34).put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    exif.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
    exif.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0).putInt(0);
    ByteArrayOutputStream photo = new ByteArrayOutputStream();
    photo.write(stored, 0, 2);
    photo.writeBytes(exif.array());
    photo.write(stored, 2, stored.length - 2);
    return photo.toByteArray();
  }

  /** The user's uploads the server keeps, sent or not. */
  private long uploadsOf(String username) {
    try (Connection connection = cluster.dataSource().getConnection();
        PreparedStatement sql =
            connection.prepareStatement(
                "SELECT count(*) FROM shared_file f JOIN account a ON a.id = f.owner_id WHERE a.username = ?")) {
      sql.setString(1, username);
      try (ResultSet count = sql.executeQuery()) {
        count.next();
        return count.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The app's file dialogs, answered by the test: each pick is taken once, none when there is none. */
  private static final class Picks implements FilePicker {

    final BlockingQueue<List<Path>> toAttach = new LinkedBlockingQueue<>();
    final BlockingQueue<Path> saveAs = new LinkedBlockingQueue<>();
    final List<String> askedToSave = new CopyOnWriteArrayList<>();

    @Override
    public List<Path> toAttach(Window owner) {
      List<Path> picked = toAttach.poll();
      return picked == null ? List.of() : picked;
    }

    @Override
    public Path saveAs(Window owner, String name) {
      askedToSave.add(name);
      return saveAs.poll();
    }
  }
}
