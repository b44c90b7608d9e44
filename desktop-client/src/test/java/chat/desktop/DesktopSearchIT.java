package chat.desktop;

import static chat.desktop.AppRobot.SOON;
import static chat.desktop.AppRobot.clickRoom;
import static chat.desktop.AppRobot.items;
import static chat.desktop.AppRobot.logIn;
import static chat.desktop.AppRobot.messageTexts;
import static chat.desktop.AppRobot.onFx;
import static chat.desktop.AppRobot.shown;
import static chat.desktop.AppRobot.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ChatApi;
import chat.dto.Message;
import chat.dto.SearchResults;
import chat.dto.ServerFrame;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The app on node B searches what Ann wrote through node A, in a room and in their conversation: the
 * words found in bold, a result opens its message selected in its room (loading back past the page
 * the room opened with) or its conversation, and the filters narrow it.
 */
@ExtendWith({SharedTwoNodes.class, ApplicationExtension.class})
class DesktopSearchIT {

  /** More than the newest page, so that the message found is not loaded when the room is opened. */
  private static final int FILLER = 60;

  private final TwoNodes cluster;
  private final List<Bot> bots = new ArrayList<>();
  private Stage window;

  DesktopSearchIT(TwoNodes cluster) {
    this.cluster = cluster;
  }

  @Start
  void start(Stage stage) throws Exception {
    window = stage;
    var settings = Files.createTempDirectory("chat-desktop").resolve("settings.properties");
    new ChatApp(new Settings(settings, cluster.b.uri().toString()), Bot.quickBackoff()).start(stage);
  }

  @AfterEach
  void stopBots() {
    bots.forEach(Bot::close);
  }

  @Test
  void aMessageFoundOpensSelectedInItsRoomOrConversationWithItsWordsInBold(FxRobot robot) {
    String me = Names.unique("cy");
    ChatApi anonymous = ChatApi.of(cluster.b.uri());
    ChatApi mine = anonymous.as(anonymous.signUp(me, "long-enough").token());
    Bot ann = Bot.signUp(cluster.a.uri(), Names.unique("ann"));
    bots.add(ann);
    ann.api.addFriend(me);
    mine.addFriend(ann.name);
    String room = ann.api.createRoom(Names.unique("bakery")).name();
    ann.connection.join(room);
    ann.next(ServerFrame.RoomJoined.class);
    ann.connection.send(room, "The lemon cake recipe is in the blue folder, second shelf.");
    Message recipe = ann.next(ServerFrame.ChatMessagePosted.class).message();
    for (int i = 1; i <= FILLER; i++) {
      ann.connection.send(room, "filler " + i);
    }
    ann.connection.sendDirect(me, "Could you bring the **lemon** zest tomorrow?");
    Message zest = ann.next(ServerFrame.DirectMessagePosted.class).message();
    Eventually.within(SOON, () -> assertEquals("filler " + FILLER, last(ann.api.roomMessages(room, ChatApi.Page.newest())).text()));

    logIn(robot, me, "long-enough");
    clickRoom(robot, room);
    Eventually.within(SOON, () -> assertTrue(messageTexts(robot).contains("filler " + FILLER)));
    assertFalse(messageTexts(robot).contains(recipe.text()), "the recipe is older than the page loaded");

    robot.push(KeyCode.SHORTCUT, KeyCode.K);
    robot.write("lemon").type(KeyCode.ENTER);
    Eventually.within(SOON, () -> assertEquals(List.of(recipe.id(), zest.id()), foundIds(robot).stream().sorted().toList()));
    Text word = shown(robot, Text.class, t -> "lemon".equals(t.getText()) && inResults(t));
    assertTrue(word.getStyleClass().contains(Styles.SEARCH_MATCH), "the word found is emphasised");
    assertTrue(onFx(() -> word.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold")), "in bold: " + onFx(word::getFont));
    shown(robot, Text.class, t -> "Could you bring the **".equals(t.getText()) && inResults(t));
    assertEquals("Best matches for “lemon”", text(robot, "#searchStatus"));

    robot.clickOn(result(robot, "@" + ann.name));
    Eventually.within(SOON, () -> assertEquals("@ " + ann.name, text(robot, "#conversationTitle")));
    Eventually.within(SOON, () -> assertEquals(zest.text(), selectedText(robot), "the message found is selected"));

    robot.clickOn(result(robot, "#" + room));
    Eventually.within(SOON, () -> assertEquals("# " + room, text(robot, "#conversationTitle")));
    Eventually.within(SOON, () -> assertEquals(recipe.text(), selectedText(robot), "brought into view from older history"));
    assertFalse(onFx(() -> robot.lookup("#older").query().isVisible()), "the room's first message is loaded: nothing is older");
    shown(robot, Text.class, t -> t.getText().contains("blue folder") && !inResults(t));
    Screenshots.take(window, "desktop-search");

    robot.clickOn("#searchInRoom");
    Eventually.within(SOON, () -> assertEquals(List.of(recipe.id()), foundIds(robot)));
    assertEquals("Best matches for “lemon” in #" + room, text(robot, "#searchStatus"));
    robot.clickOn("#searchInRoom");
    robot.clickOn("#searchFrom").write("nobody").type(KeyCode.ENTER);
    Eventually.within(SOON, () -> assertEquals("No messages match “lemon” from nobody.", text(robot, "#searchStatus")));
    assertEquals(List.of(), foundIds(robot));
  }

  private static Message last(List<Message> messages) {
    return messages.get(messages.size() - 1);
  }

  private static List<Long> foundIds(FxRobot robot) {
    return items(robot, "#searchResults").stream().map(f -> ((SearchResults.Found) f).message().id()).toList();
  }

  /** The label saying where a result is, on screen, to click the result by. */
  private static Label result(FxRobot robot, String where) {
    return shown(robot, Label.class, l -> where.equals(l.getText()) && inResults(l));
  }

  private static boolean inResults(Node node) {
    for (Node at = node; at != null; at = at.getParent()) {
      if ("searchResults".equals(at.getId())) {
        return true;
      }
    }
    return false;
  }

  private static String selectedText(FxRobot robot) {
    return onFx(
        () -> {
          Object selected = robot.lookup("#messages").queryAs(ListView.class).getSelectionModel().getSelectedItem();
          return selected == null ? null : ((Message) selected).text();
        });
  }
}
