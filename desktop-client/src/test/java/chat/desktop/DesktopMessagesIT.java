package chat.desktop;

import static chat.desktop.AppRobot.SOON;
import static chat.desktop.AppRobot.clickRoom;
import static chat.desktop.AppRobot.items;
import static chat.desktop.AppRobot.messageTexts;
import static chat.desktop.AppRobot.onFx;
import static chat.desktop.AppRobot.shown;
import static chat.desktop.AppRobot.signUp;
import static chat.desktop.AppRobot.text;
import static chat.desktop.AppRobot.visibleButton;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ChatApi;
import chat.desktop.main.SystemNotifier;
import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.ServerFrame;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TcpRelay;
import chat.testing.TwoNodes;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app on node B, through a link the test can cut, while Bob acts through node A: edits, replies
 * and reactions cross the nodes both ways, a quote brings back a message older than what is loaded,
 * what changed while the app was cut off shows once it is back, and a message shows formatted as its
 * text's conventions say, also one typed on several lines (Shift+Enter).
 */
@ExtendWith({SharedTwoNodes.class, ApplicationExtension.class})
class DesktopMessagesIT {

  private static final String THUMBS_UP = "\uD83D\uDC4D";
  /** More than the newest page, so that the first message is not loaded when the room is opened. */
  private static final int FILLER = 60;

  private final TwoNodes cluster;
  private final List<Bot> bots = new ArrayList<>();
  /** The links the app was asked to open in the system's browser. */
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private TcpRelay link;
  private Stage window;

  DesktopMessagesIT(TwoNodes cluster) {
    this.cluster = cluster;
  }

  @Start
  void start(Stage stage) throws Exception {
    window = stage;
    link = TcpRelay.to(cluster.b.uri());
    var settings = Files.createTempDirectory("chat-desktop").resolve("settings.properties");
    new ChatApp(new Settings(settings, link.uri().toString()), Bot.quickBackoff(), SystemNotifier.create(), opened::add).start(stage);
  }

  @AfterEach
  void stopBots() {
    bots.forEach(Bot::close);
    link.close();
  }

  @Test
  void editsRepliesAndReactionsCrossTheNodesAndAQuoteBringsBackAnOldMessage(FxRobot robot) {
    String ann = Names.unique("ann");
    signUp(robot, ann);
    Bot bob = bot(Names.unique("bob"));
    String room = bob.api.createRoom(Names.unique("room")).name();
    bob.connection.join(room);
    bob.next(ServerFrame.RoomJoined.class);
    bob.connection.send(room, "Who brings the cake on Friday?");
    Message original = bob.next(ServerFrame.ChatMessagePosted.class).message();
    for (int i = 1; i <= FILLER; i++) {
      bob.connection.send(room, "filler " + i);
    }
    bob.connection.send(room, "Anyone?", original.id());
    Eventually.within(SOON, () -> assertEquals("Anyone?", last(bob.api.roomMessages(room, ChatApi.Page.newest())).text()));

    robot.clickOn("Refresh");
    clickRoom(robot, room);
    Eventually.within(SOON, () -> assertTrue(messageTexts(robot).contains("Anyone?")));
    assertTrue(!messageTexts(robot).contains(original.text()), "the original is older than the page loaded");
    // The list may draw its rows again between the lookup and the click (a page arriving): a click that
    // landed on the row as drawn anew only selected it, and is made again on the quote as it is now.
    AssertionError notShown = null;
    for (int click = 0; click < 3; click++) {
      if (click == 0 || !original.text().equals(selectedText(robot))) {
        robot.clickOn(label(robot, l -> l.getText().startsWith("↪ ") && l.getText().contains("Who brings the cake")));
      }
      try {
        Eventually.within(Duration.ofSeconds(10), () -> assertEquals(original.text(), selectedText(robot), "the quote brought its original into view"));
        notShown = null;
        break;
      } catch (AssertionError e) {
        notShown = e;
      }
    }
    if (notShown != null) {
      throw notShown;
    }

    openActions(robot, "Anyone?");
    robot.clickOn("Reply");
    Eventually.within(SOON, () -> assertTrue(text(robot, "#replyingTo").startsWith("Replying to " + bob.name)));
    robot.clickOn("#draft").write("I will, a lemon one");
    robot.clickOn("#send");
    Message answer = bob.next(ServerFrame.ChatMessagePosted.class, p -> p.message().text().startsWith("I will")).message();
    assertEquals("Anyone?", answer.replyTo().text());

    openActions(robot, "I will, a lemon one");
    robot.clickOn("Edit");
    robot.clickOn("#editText").push(KeyCode.END).eraseText("a lemon one".length()).write("a chocolate one").push(KeyCode.ENTER);
    Message edited = bob.next(ServerFrame.MessageUpdated.class, u -> u.message().id() == answer.id()).message();
    assertEquals("I will, a chocolate one", edited.text());

    openActions(robot, "Anyone?");
    robot.clickOn("Add reaction…");
    robot.clickOn(THUMBS_UP);
    bob.next(ServerFrame.MessageUpdated.class, u -> u.reacted() != null && u.reacted().username().equals(ann));
    bob.api.react(last(bob.api.roomMessages(room, ChatApi.Page.newest()), "Anyone?").id(), THUMBS_UP, true);
    bob.api.editMessage(last(bob.api.roomMessages(room, ChatApi.Page.newest()), "Anyone?").id(), "Anyone? Cake, Friday.");
    Eventually.within(SOON, () -> assertTrue(chip(robot, THUMBS_UP + " 2").isSelected(), "ann's own is pressed"));
    Eventually.within(SOON, () -> assertTrue(messageTexts(robot).contains("Anyone? Cake, Friday.")));
    assertTrue(onFx(() -> robot.lookup("(edited)").tryQuery().isPresent()), "an edited message says so");
    scrollTo(robot, "I will, a chocolate one");
    WaitForAsyncUtils.waitForFxEvents();
    Screenshots.take(window, "desktop-message-actions");

    robot.clickOn(chip(robot, THUMBS_UP + " 2"));
    Eventually.within(SOON, () -> assertTrue(!chip(robot, THUMBS_UP + " 1").isSelected(), "ann took hers back"));
  }

  @Test
  void aFormattedMessageFromTheOtherNodeShowsFormatted(FxRobot robot) {
    String ann = Names.unique("ann");
    String room = Names.unique("room");
    Bot bob = roomWithBob(robot, ann, room);
    String release =
        String.join(
            "\n",
            "> is 2.0 out?",
            "**Yes!** The notes: https://example.com/releases/2.0. :tada:",
            "- faster _sync_",
            "- `--offline` mode",
            "```",
            "./mvnw -o -B verify",
            "```");

    bob.connection.send(room, release);
    Eventually.within(SOON, () -> assertEquals(List.of(release), messageTexts(robot)));
    assertTrue(textShown(robot, "Yes!", Styles.BOLD).getStyleClass().contains(Styles.TEXT_RUN));
    Hyperlink notes = shown(robot, Hyperlink.class, l -> l.getText().equals("https://example.com/releases/2.0"));
    assertEquals("https://example.com/releases/2.0", onFx(() -> notes.getTooltip().getText()), "the URL shows on hover");
    textShown(robot, "\uD83C\uDF89", Styles.EMOJI);
    textShown(robot, "is 2.0 out?", Styles.TEXT_RUN);
    textShown(robot, "sync", Styles.ITALIC);
    textShown(robot, "--offline", Styles.CODE_SPAN);
    Text command = textShown(robot, "./mvnw -o -B verify", Styles.TEXT_RUN);
    assertTrue(onFx(() -> command.getParent().getStyleClass().contains(Styles.CODE_BLOCK)), "the command is in a code block");
    assertEquals(2, onFx(() -> robot.lookup((Text t) -> "•".equals(t.getText())).queryAll().size()), "a bullet per item");

    robot.clickOn("#draft").write("Thanks! Updating *now* with `./mvnw` :fire:");
    robot.clickOn("#send");
    textShown(robot, "now", Styles.ITALIC);
    textShown(robot, "\uD83D\uDD25", Styles.EMOJI);
    Screenshots.take(window, "desktop-formatting");

    robot.clickOn(notes);
    Eventually.within(SOON, () -> assertEquals(List.of("https://example.com/releases/2.0"), opened));
  }

  @Test
  void linesTypedWithShiftEnterGoAsOneMessageShownAsAListAndACodeBlock(FxRobot robot) {
    String ann = Names.unique("ann");
    String room = Names.unique("room");
    Bot bob = roomWithBob(robot, ann, room);
    List<String> lines = List.of("Before the release:", "- merge the branch", "- tag it", "```", "./mvnw -o -B verify", "```");
    TextArea draft = onFx(() -> robot.lookup("#draft").queryAs(TextArea.class));
    double oneLine = onFx(draft::getHeight);

    robot.clickOn(draft);
    for (String line : lines.subList(0, lines.size() - 1)) {
      robot.write(line).push(KeyCode.SHIFT, KeyCode.ENTER);
    }
    robot.write(lines.getLast());
    assertEquals(String.join("\n", lines), onFx(draft::getText), "nothing sent yet");
    Eventually.within(SOON, () -> assertTrue(onFx(draft::getHeight) > oneLine, "the draft grew with its lines"));
    robot.push(KeyCode.ENTER);

    Message sent = bob.next(ServerFrame.ChatMessagePosted.class, p -> p.message().from().username().equals(ann)).message();
    assertEquals(String.join("\n", lines), sent.text(), "one message, its lines as typed");
    Text command = textShown(robot, "./mvnw -o -B verify", Styles.TEXT_RUN);
    assertTrue(onFx(() -> command.getParent().getStyleClass().contains(Styles.CODE_BLOCK)), "the command is in a code block");
    assertEquals(2, onFx(() -> robot.lookup((Text t) -> "•".equals(t.getText())).queryAll().size()), "a bullet per item");
    textShown(robot, "merge the branch", Styles.TEXT_RUN);
    assertEquals("", onFx(draft::getText));
    assertTrue(onFx(draft::isFocused), "the draft keeps the focus");
    Eventually.within(SOON, () -> assertEquals(oneLine, onFx(draft::getHeight), "one line again"));

    robot.write("a line too long for the draft, ".repeat(8));
    Eventually.within(SOON, () -> assertTrue(onFx(draft::getHeight) > oneLine, "a line it wraps grows it too"));
  }

  @Test
  void whatChangedWhileTheAppWasCutOffShowsOnceItIsBack(FxRobot robot) {
    String ann = Names.unique("ann");
    String room = Names.unique("room");
    Bot bob = roomWithBob(robot, ann, room);
    for (String text : List.of("one", "two", "three")) {
      bob.connection.send(room, text);
    }
    Eventually.within(SOON, () -> assertEquals(List.of("one", "two", "three"), messageTexts(robot)));
    List<Message> sent = bob.api.roomMessages(room, ChatApi.Page.newest());

    link.cut();
    Eventually.within(SOON, () -> assertTrue(text(robot, "#connectionState").startsWith("Reconnecting")));
    bob.api.editMessage(sent.get(0).id(), "one, edited while you were away");
    bob.api.react(sent.get(1).id(), THUMBS_UP, true);
    bob.api.deleteMessage(sent.get(2).id());
    link.restore();

    Eventually.within(SOON, () -> assertEquals(List.of("one, edited while you were away", "two"), messageTexts(robot)));
    Eventually.within(
        SOON,
        () -> assertEquals(
            List.of(new Reaction(THUMBS_UP, 1, List.of(bob.name), null)),
            ((Message) items(robot, "#messages").get(1)).reactions()));
  }

  /** {@code user} signs up in the app and creates {@code room}, which bob joins through the other node: bob. */
  private Bot roomWithBob(FxRobot robot, String user, String room) {
    signUp(robot, user);
    robot.clickOn("#newRoom").write(room);
    robot.clickOn("#createRoom");
    Bot bob = bot(Names.unique("bob"));
    bob.connection.join(room);
    bob.next(ServerFrame.RoomJoined.class);
    return bob;
  }

  private Bot bot(String name) {
    Bot bot = Bot.signUp(cluster.a.uri(), name);
    bots.add(bot);
    return bot;
  }

  private static Message last(List<Message> messages) {
    return messages.get(messages.size() - 1);
  }

  private static Message last(List<Message> messages, String text) {
    return messages.stream().filter(m -> Objects.equals(m.text(), text)).reduce((a, b) -> b).orElseThrow();
  }

  /** A label on screen, once the list has done scrolling (a scroll is done again after the layout it causes). */
  private static Label label(FxRobot robot, Predicate<Label> which) {
    return shown(robot, Label.class, l -> l.getText() != null && which.test(l));
  }

  /** The Text of a message's text that reads {@code characters} and has every one of {@code styles}. */
  private static Text textShown(FxRobot robot, String characters, String... styles) {
    return shown(robot, Text.class, t -> characters.equals(t.getText()) && t.getStyleClass().containsAll(List.of(styles)));
  }

  /**
   * Opens the actions of the message showing {@code text}, as a user does: scrolls to it, points at it
   * (its actions button shows while the pointer is on it) and clicks the button. The list lays its rows
   * out again as it scrolls, so the row is looked for until it holds still. The pointer goes to the
   * row's first line (sender and time), in sight even when the list's edge cuts the row's last line, as
   * it may a tall last row scrolled to by index.
   */
  private static void openActions(FxRobot robot, String text) {
    scrollTo(robot, text);
    Eventually.within(
        SOON,
        () -> {
          try {
            robot.moveTo(firstLineOfRow(textShown(robot, text, Styles.TEXT_RUN)));
          } catch (RuntimeException laidOutAgain) {
            throw new AssertionError("the row moved away before the pointer reached it", laidOutAgain);
          }
          assertTrue(onFx(() -> robot.lookup("#messages .message-actions").match(NodeQueryUtils.isVisible()).tryQuery().isPresent()));
        });
    robot.clickOn(visibleButton(robot, "#messages .message-actions"));
  }

  private static Node firstLineOfRow(Node inRow) {
    return onFx(
        () -> {
          Node row = inRow;
          while (!row.getStyleClass().contains(Styles.MINE) && !row.getStyleClass().contains(Styles.THEIRS)) {
            row = row.getParent();
          }
          return ((Parent) row).getChildrenUnmodifiable().getFirst();
        });
  }

  private static void scrollTo(FxRobot robot, String text) {
    onFx(
        () -> {
          ListView<?> messages = robot.lookup("#messages").queryAs(ListView.class);
          for (int i = 0; i < messages.getItems().size(); i++) {
            if (text.equals(((Message) messages.getItems().get(i)).text())) {
              messages.scrollTo(i);
            }
          }
          return null;
        });
  }

  private static ToggleButton chip(FxRobot robot, String text) {
    Predicate<ToggleButton> shown = b -> text.equals(b.getText()) && b.getScene() != null;
    Eventually.within(SOON, () -> assertTrue(onFx(() -> robot.lookup(shown).tryQuery().isPresent()), text));
    return onFx(() -> robot.lookup(shown).queryAs(ToggleButton.class));
  }

  private static String selectedText(FxRobot robot) {
    return onFx(
        () -> {
          Object selected = robot.lookup("#messages").queryAs(ListView.class).getSelectionModel().getSelectedItem();
          return selected == null ? null : ((Message) selected).text();
        });
  }
}
