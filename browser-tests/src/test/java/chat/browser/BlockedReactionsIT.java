package chat.browser;

import static chat.desktop.AppRobot.SOON;
import static chat.desktop.AppRobot.clickRoom;
import static chat.desktop.AppRobot.messageTexts;
import static chat.desktop.AppRobot.onFx;
import static chat.desktop.AppRobot.signUp;
import static chat.desktop.AppRobot.userNames;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Backoff;
import chat.desktop.ChatApp;
import chat.desktop.Settings;
import chat.desktop.Styles;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/**
 * A blocker sees no reaction of whom they block, live as read (docs/protocol.md, "Working with
 * messages", Reactions), in either app: Bob in the desktop app on node B blocks Ann, Cat in the
 * browser on node A blocks Dan, and each sees the reaction of the one the other blocks. The live
 * change is one frame for everyone and lists every reaction; each app leaves out its user's blocked.
 */
@ExtendWith({SharedTwoNodes.class, Chromium.Shared.class, ApplicationExtension.class})
class BlockedReactionsIT {

  private static final String LIKE = "\uD83D\uDC4D";
  private static final String TADA = "\uD83C\uDF89";
  private static final String FIRE = "\uD83D\uDD25";
  private static final String LUNCH = "Lunch at noon?";

  private final TwoNodes cluster;
  private final Pages pages;
  private final FxRobot robot = new FxRobot();

  BlockedReactionsIT(TwoNodes cluster, Chromium chromium) {
    this.cluster = cluster;
    this.pages = new Pages(chromium);
  }

  @Start
  void start(Stage stage) throws Exception {
    var settings = Files.createTempDirectory("chat-desktop").resolve("settings.properties");
    Backoff quick = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), new Random());
    new ChatApp(new Settings(settings, cluster.b.uri().toString()), quick, (title, body) -> {}).start(stage);
  }

  @AfterEach
  void closePages() {
    pages.closeAll();
  }

  @Test
  void eachAppLeavesOutTheReactionsOfWhomItsUserBlocks() {
    String bob = Names.unique("bob");
    signUp(robot, bob);
    String room = Names.unique("lunch");
    BrowserUser cat = new BrowserUser(pages.open(cluster.a.uri(), 1280, 800), Names.unique("cat")).signUp().createRoom(room);
    cat.say(LUNCH);
    BrowserUser ann = new BrowserUser(pages.open(cluster.a.uri(), 1280, 800), Names.unique("ann")).signUp().openRoom(room);
    ann.say("hi, ann here");
    BrowserUser dan = new BrowserUser(pages.open(cluster.b.uri(), 1280, 800), Names.unique("dan")).signUp().openRoom(room);
    dan.say("hi, dan here");

    clickRoom(robot, room);
    Eventually.within(SOON, () -> assertEquals(List.of(LUNCH, "hi, ann here", "hi, dan here"), messageTexts(robot)));
    openSenderMenu(ann.name);
    robot.clickOn("Block");
    Eventually.within(SOON, () -> assertEquals(List.of(ann.name), userNames(robot, "#blocked"), "bob's app knows he blocks ann"));
    cat.message("hi, dan here").locator(".sender").click();
    cat.page.locator("#senderMenu [data-action=block]").click();
    assertThat(cat.person("blocked", dan.name)).hasCount(1);

    // One after the other, each seen stored by its reactor: Cat's comes last, and lists all three.
    dan.react(LUNCH, "tada");
    assertThat(dan.reaction(LUNCH, TADA).locator(".count")).hasText("1");
    ann.react(LUNCH, "thumbsup");
    assertThat(ann.reaction(LUNCH, LIKE).locator(".count")).hasText("1");
    cat.react(LUNCH, "fire");
    assertThat(cat.reaction(LUNCH, FIRE)).hasAttribute("aria-pressed", "true");

    for (BrowserUser blocksNoOne : List.of(ann, dan)) {
      assertThat(blocksNoOne.message(LUNCH).locator(".reaction")).hasText(new String[] {TADA + "1", LIKE + "1", FIRE + "1"});
    }
    Eventually.within(
        SOON, () -> assertEquals(List.of(TADA + " 1", FIRE + " 1"), chips(), "bob's app: dan's and cat's, not ann's"));
    assertThat(cat.message(LUNCH).locator(".reaction")).hasText(new String[] {LIKE + "1", FIRE + "1"});
    assertThat(cat.reaction(LUNCH, LIKE)).hasAttribute("title", ann.name + " reacted with " + LIKE);
    assertThat(cat.reaction(LUNCH, FIRE)).hasAttribute("title", cat.name + " reacted with " + FIRE);
  }

  /** The name of a message's sender in the app, which opens the menu on them. */
  /**
   * Clicks a sender's name until its menu shows: the list may draw its rows anew between the lookup
   * and the click, and a click on a row so drawn only selects it (once in CI).
   */
  private void openSenderMenu(String name) {
    for (int click = 0; click < 3; click++) {
      robot.clickOn(sender(name));
      try {
        Eventually.within(Duration.ofSeconds(10), () -> assertTrue(onFx(() -> robot.lookup("Block").tryQuery().isPresent()), "its menu"));
        return;
      } catch (AssertionError notYet) {
        // Clicked again, on the row as it is drawn now.
      }
    }
    throw new AssertionError("the menu of " + name + " did not open");
  }

  private Label sender(String name) {
    Eventually.within(SOON, () -> assertTrue(onFx(() -> robot.lookup(senderNamed(name)).tryQuery().isPresent()), name));
    return onFx(() -> (Label) robot.lookup(senderNamed(name)).query());
  }

  private static Predicate<Node> senderNamed(String name) {
    return n -> n instanceof Label l && name.equals(l.getText()) && l.getStyleClass().contains(Styles.SENDER) && n.getScene() != null;
  }

  /** The reaction chips the app shows, as they read ("🎉 1"): only the lunch message has any. */
  private List<String> chips() {
    return onFx(
        () ->
            robot.lookup("#messages ." + Styles.REACTION).match(NodeQueryUtils.isVisible()).queryAllAs(ToggleButton.class).stream()
                .map(ToggleButton::getText)
                .toList());
  }
}
