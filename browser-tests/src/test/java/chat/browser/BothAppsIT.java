package chat.browser;

import static chat.desktop.AppRobot.SOON;
import static chat.desktop.AppRobot.clickRoom;
import static chat.desktop.AppRobot.items;
import static chat.desktop.AppRobot.logIn;
import static chat.desktop.AppRobot.onFx;
import static chat.desktop.AppRobot.text;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Backoff;
import chat.desktop.ChatApp;
import chat.desktop.Screenshots;
import chat.desktop.Settings;
import chat.desktop.rooms.RoomItem;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.javafx.stage.WindowHelper;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One user with the desktop app open on node B and the browser on node A, as at work and on a
 * laptop: the same rooms, marked as theirs; the same unread and mention counts, which reading in one
 * app clears in the other; a mention notifies in both while they look elsewhere, unless the room is
 * muted (in either app: the setting is the server's); someone typing shows in the app, and goes.
 */
@ExtendWith({SharedTwoNodes.class, Chromium.Shared.class, ApplicationExtension.class})
class BothAppsIT {

  /**
   * What the page asks of the desktop around it, as the test sees it: the notifications it raises,
   * recorded instead of shown on a desktop this machine has not, and where the user looks (Playwright
   * makes every page believe it has the focus, so the test says).
   */
  private static final String DESKTOP_AROUND_THE_PAGE =
      """
      window.looking = true;
      Document.prototype.hasFocus = () => window.looking;
      window.raised = [];
      window.Notification = class {
        static permission = 'default';
        static async requestPermission() { return (window.Notification.permission = 'granted'); }
        constructor(title, options) { window.raised.push(title + ' | ' + options.body); }
        close() {}
      };
      """;

  private final TwoNodes cluster;
  private final Pages pages;
  private final List<String> desktopNotified = new CopyOnWriteArrayList<>();
  private final FxRobot robot = new FxRobot();
  private Stage window;

  BothAppsIT(TwoNodes cluster, Chromium chromium) {
    this.cluster = cluster;
    this.pages = new Pages(chromium);
  }

  @Start
  void start(Stage stage) throws Exception {
    window = stage;
    var settings = Files.createTempDirectory("chat-desktop").resolve("settings.properties");
    Backoff quick = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), new Random());
    new ChatApp(new Settings(settings, cluster.b.uri().toString()), quick, (title, body) -> desktopNotified.add(title + " | " + body))
        .start(stage);
  }

  @AfterEach
  void closeSessions() {
    pages.closeAll();
  }

  @Test
  void oneUserInBothAppsSeesTheSameRoomsCountsMutesAndNotificationsAndWhoIsTyping() {
    Page annPage = pages.open(cluster.a.uri(), 1280, 800, DESKTOP_AROUND_THE_PAGE);
    BrowserUser annWeb = new BrowserUser(annPage, Names.unique("ann")).signUp();
    String loud = Names.unique("loud");
    String quiet = Names.unique("quiet");
    String lobby = Names.unique("lobby");
    annWeb.createRoom(quiet).createRoom(loud).createRoom(lobby);
    annPage.locator("#enableNotifications").click();
    assertThat(annPage.locator("#enableNotifications")).hasCount(0);

    logIn(robot, annWeb.name, BrowserUser.PASSWORD);
    Eventually.within(SOON, () -> assertEquals(
        Set.of(loud, quiet, lobby),
        rooms().stream().limit(3).filter(RoomItem::mine).map(RoomItem::name).collect(Collectors.toSet()),
        "her three rooms, marked as hers and listed first in the app too"));
    clickRoom(robot, quiet);
    robot.clickOn("#muteChannel");
    assertThat(roomRow(annWeb, quiet)).hasClass(Pattern.compile("\\bsilenced\\b"));
    // The lobby in view in both apps: what comes elsewhere counts as unread.
    clickRoom(robot, lobby);

    // Ann looks elsewhere, away from both apps.
    BrowserUser bob = new BrowserUser(pages.open(cluster.a.uri(), 1280, 800), Names.unique("bob")).signUp();
    annPage.evaluate("window.looking = false; dispatchEvent(new Event('blur'))");
    lookAway();
    bob.openRoom(quiet).say("in the quiet room, @" + annWeb.name);
    bob.openRoom(loud).say("plain").say("look, @" + annWeb.name);

    Eventually.within(SOON, () -> {
      assertEquals(List.of(2, 1), counts(loud), "loud: unread, mentions");
      assertEquals(List.of(1, 1), counts(quiet), "quiet: unread, mentions");
    });
    for (String room : List.of(loud, quiet)) {
      assertThat(roomRow(annWeb, room).locator(".badge.mention")).hasText("@1");
    }
    assertThat(roomRow(annWeb, loud).locator(".badge:not(.mention)")).hasText("2");
    // What the quiet room's message would have raised came before the loud room's (one node, in order).
    String raised = "# " + loud + " | " + bob.name + ": look, @" + annWeb.name;
    Eventually.within(SOON, () -> assertEquals(List.of(raised), desktopNotified, "the app: the loud room only"));
    assertEquals(List.of(raised), annPage.evaluate("window.raised"), "the browser: the loud room only");
    Screenshots.take(window, "desktop-unread-and-mention");
    annPage.reload();
    assertThat(roomRow(annWeb, loud).locator(".badge.mention")).hasText("@1");
    assertThat(roomRow(annWeb, quiet)).hasClass(Pattern.compile("\\bsilenced\\b"));

    // Back at the app, ann reads the loud room there: the browser clears it.
    lookBack();
    clickRoom(robot, loud);
    assertThat(roomRow(annWeb, loud).locator(".badge")).hasCount(0);
    assertTrue(robot.lookup(".mention").tryQuery().isPresent(), "the mention is highlighted in the app");

    bob.page.locator("#draft").pressSequentially("on my way", new Locator.PressSequentiallyOptions().setDelay(50));
    Eventually.within(SOON, () -> assertEquals(bob.name + " is typing…", text(robot, "#typing")));
    Screenshots.take(window, "desktop-typing");
    Eventually.within(Duration.ofSeconds(15), () -> assertEquals("", text(robot, "#typing"), "gone by itself"));
  }

  private List<RoomItem> rooms() {
    return items(robot, "#rooms").stream().map(RoomItem.class::cast).toList();
  }

  /** The app's unread and mention counts of a room. */
  private List<Integer> counts(String room) {
    RoomItem item = rooms().stream().filter(r -> r.name().equals(room)).findFirst().orElseThrow();
    return List.of(item.unread(), item.mentions());
  }

  /**
   * Another window takes the focus, as the window manager tells the app's window. Monocle has no window
   * manager to do it (its focus request never tells the window that had the focus), so the test does.
   */
  private void lookAway() {
    onFx(() -> {
      WindowHelper.setFocused(window, false);
      return null;
    });
  }

  private void lookBack() {
    onFx(() -> {
      WindowHelper.setFocused(window, true);
      return null;
    });
  }

  private static Locator roomRow(BrowserUser user, String room) {
    return user.page.locator("#rooms li.room", new Page.LocatorOptions().setHas(
        user.page.locator(".open[data-room='" + room + "']")));
  }
}
