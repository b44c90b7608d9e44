package chat.desktop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.conversation.Member;
import chat.desktop.friends.FriendItem;
import chat.dto.Message;
import chat.dto.User;
import chat.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user at the keyboard of the app, and what they read off its screens; public for browser-tests,
 * where one user has the app and the browser open.
 */
public final class AppRobot {

  public static final Duration SOON = Duration.ofSeconds(30);

  private AppRobot() {}

  public static void signUp(FxRobot robot, String username) {
    robot.clickOn("#username").write(username);
    robot.clickOn("#password").write("long-enough");
    robot.clickOn("#signUp");
    awaitMainWindow(robot, username);
  }

  public static void logIn(FxRobot robot, String username, String password) {
    robot.clickOn("#username").write(username);
    robot.clickOn("#password").write(password);
    robot.clickOn("#logIn");
    awaitMainWindow(robot, username);
  }

  /** A button in a list cell, once a layout pass has put the cell on screen. */
  public static Button visibleButton(FxRobot robot, String query) {
    Eventually.within(
        SOON,
        () -> assertTrue(onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent()), query));
    return onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAs(Button.class));
  }

  /** Clicks a room's row in the list, by the name it shows, once a layout pass put it on screen. */
  public static void clickRoom(FxRobot robot, String room) {
    Predicate<Label> row = label -> ("# " + room).equals(label.getText()) && label.getScene() != null;
    Eventually.within(
        SOON,
        () -> assertTrue(onFx(() -> robot.lookup(row).match(NodeQueryUtils.isVisible()).tryQuery().isPresent()), room));
    // The list may draw its rows again between the lookup and the click (the channels arriving after a
    // login): a row gone from the scene by then is looked up again.
    Eventually.within(
        SOON,
        () -> {
          try {
            robot.clickOn(onFx(() -> robot.lookup(row).match(NodeQueryUtils.isVisible()).queryAs(Label.class)));
          } catch (RuntimeException redrawn) {
            throw new AssertionError(room + "'s row was drawn again before the click", redrawn);
          }
        });
  }

  /** The top bar comes first; a tab's content joins the scene when the tab pane is first laid out. */
  public static void awaitMainWindow(FxRobot robot, String username) {
    Eventually.within(SOON, () -> assertTrue(text(robot, "#me").startsWith(username)));
    Eventually.within(SOON, () -> assertTrue(onFx(() -> robot.lookup("#newRoom").tryQuery().isPresent())));
  }

  /** The text of a label or button; empty while there is none (the screen is not shown yet). */
  public static String text(FxRobot robot, String query) {
    return onFx(() -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
  }

  public static List<?> items(FxRobot robot, String query) {
    return onFx(
        () ->
            robot.lookup(query).tryQuery().map(n -> List.copyOf(((ListView<?>) n).getItems())).orElse(List.of()));
  }

  public static List<String> messageTexts(FxRobot robot) {
    return items(robot, "#messages").stream().map(m -> ((Message) m).text()).toList();
  }

  /** The usernames a list of users shows; a room's members list shows each member's. */
  public static List<String> userNames(FxRobot robot, String query) {
    return items(robot, query).stream().map(u -> user(u).username()).toList();
  }

  /** The user an item of a list of users stands for: itself, or a room member's. */
  public static User user(Object item) {
    return item instanceof Member member ? member.user() : (User) item;
  }

  public static List<String> friendNames(FxRobot robot) {
    return items(robot, "#friends").stream().map(f -> ((FriendItem) f).user().username()).toList();
  }

  /** A node of that type on screen, once the lists have done scrolling. */
  public static <T extends Node> T shown(FxRobot robot, Class<T> type, Predicate<T> which) {
    WaitForAsyncUtils.waitForFxEvents();
    Predicate<Node> shown = n -> type.isInstance(n) && which.test(type.cast(n)) && n.getScene() != null;
    Eventually.within(SOON, () -> assertTrue(onFx(() -> robot.lookup(shown).match(NodeQueryUtils.isVisible()).tryQuery().isPresent())));
    return onFx(() -> type.cast(robot.lookup(shown).match(NodeQueryUtils.isVisible()).query()));
  }

  /** Reads the scene on the FX thread, where it lives. */
  public static <T> T onFx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not read the scene: " + e, e);
    }
  }

}
