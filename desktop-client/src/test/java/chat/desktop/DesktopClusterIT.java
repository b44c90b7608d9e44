package chat.desktop;

import static chat.desktop.AppRobot.SOON;
import static chat.desktop.AppRobot.items;
import static chat.desktop.AppRobot.logIn;
import static chat.desktop.AppRobot.onFx;
import static chat.desktop.AppRobot.signUp;
import static chat.desktop.AppRobot.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.controls.Notification;
import chat.dto.ApiKey;
import chat.dto.Delivered;
import chat.dto.Message;
import chat.dto.Notify;
import chat.dto.ServerFrame;
import chat.dto.ServiceMessage;
import chat.dto.User;
import chat.dto.WireJson;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OtherService;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import jakarta.json.Json;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The app on node B of a two-node cluster, while others act through node A: what changes there shows
 * here, live.
 */
@ExtendWith({SharedTwoNodes.class, ApplicationExtension.class})
class DesktopClusterIT {

  private final TwoNodes cluster;
  private final List<Bot> bots = new ArrayList<>();
  private Stage window;

  DesktopClusterIT(TwoNodes cluster) {
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
  void aProfileChangedThroughTheOtherNodeShowsInTheMembersAndOnEveryMessage(FxRobot robot) {
    String ann = Names.unique("ann");
    signUp(robot, ann);
    String room = Names.unique("room");
    robot.clickOn("#newRoom").write(room);
    robot.clickOn("#createRoom");
    Bot bob = bot(cluster.a.uri(), Names.unique("bob"));
    bob.connection.join(room);
    bob.next(ServerFrame.RoomJoined.class);
    bob.connection.send(room, "hello from bob");
    Eventually.within(SOON, () -> assertEquals(List.of(bob.name), displayNames(robot, "#members").stream()
        .filter(n -> !n.equals(ann)).toList()));

    bob.api.changeProfile("Bob the Builder", "fixing it");

    Eventually.within(SOON, () -> assertTrue(displayNames(robot, "#members").contains("Bob the Builder")));
    Eventually.within(SOON, () -> assertEquals(List.of("Bob the Builder"), authors(robot)));
    Eventually.within(SOON, () -> assertTrue(shows(robot, "Bob the Builder (@" + bob.name + ")")));
    bob.connection.send(room, "and again");
    Eventually.within(SOON, () -> assertEquals(List.of("Bob the Builder", "Bob the Builder"), authors(robot)));

    robot.clickOn("#editProfile");
    onFx(() -> {
      robot.lookup("#displayName").queryAs(TextField.class).clear();
      return null;
    });
    robot.clickOn("#displayName").write("Ann of the Desk");
    robot.clickOn("#status").write("at my desk");
    robot.clickOn("#saveProfile");
    Eventually.within(SOON, () -> assertTrue(text(robot, "#me").startsWith("Ann of the Desk (@" + ann + ")")));
    User renamed = bob.next(ServerFrame.IdentityChanged.class, changed -> changed.user().username().equals(ann)).user();
    assertEquals("Ann of the Desk", renamed.displayName());
    assertEquals("at my desk", renamed.status());
    Screenshots.take(window, "desktop-profile");
  }

  @Test
  void anAdminMakesAKeyInTheConsoleAndTheServiceReachesTheAppThroughTheOtherNode(FxRobot robot) {
    logIn(robot, TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
    String room = Names.unique("room");
    robot.clickOn("#newRoom").write(room);
    robot.clickOn("#createRoom");
    Eventually.within(SOON, () -> assertEquals("# " + room, text(robot, "#conversationTitle")));

    String service = Names.unique("svc");
    robot.clickOn("#openAdmin");
    robot.clickOn("API keys");
    robot.clickOn("#keyName").write(service);
    robot.clickOn("#scopeNotify");
    robot.clickOn("#createKey");
    Eventually.within(SOON, () -> assertTrue(secret(robot).startsWith("chk_")));
    String key = secret(robot);
    Eventually.within(SOON, () -> assertTrue(keyNames(robot).contains(service)));
    Window admin = onFx(() -> robot.lookup("#keyName").query().getScene().getWindow());
    Screenshots.take(admin, "desktop-admin-keys");

    OtherService shop = new OtherService(key);
    assertEquals(200, shop.post(cluster.a.uri(), "/api/s2s/rooms/" + room + "/messages",
        WireJson.toJson(new ServiceMessage("Double points this weekend", "promo-1"))).statusCode());
    var notified = shop.post(cluster.a.uri(), "/api/s2s/users/" + TwoNodes.ADMIN + "/notify",
        WireJson.toJson(new Notify("reward", Json.createObjectBuilder().add("code", "WELCOME-42").build())));
    assertTrue(WireJson.fromJson(notified.body(), Delivered.class).sockets() > 0, notified.body());
    Eventually.within(SOON, () -> assertTrue(toasts(robot).stream().anyMatch(t -> t.contains("reward") && t.contains("WELCOME-42")),
        toasts(robot).toString()));
    Eventually.within(SOON, () -> assertEquals(List.of(service), authors(robot)));
    assertTrue(onFx(() -> robot.lookup("#messages .badge.service").tryQuery().isPresent()), "a service's message shows its badge");
    Screenshots.take(window, "desktop-service-message");

    robot.clickOn(robot.lookup("#apiKeys .list-cell").nth(keyNames(robot).indexOf(service)).queryLabeled());
    robot.clickOn("#revokeKey");
    Eventually.within(SOON, () -> assertFalse(keyNames(robot).contains(service)));
    assertEquals(401, shop.post(cluster.b.uri(), "/api/s2s/users/" + TwoNodes.ADMIN + "/notify",
        WireJson.toJson(new Notify("late", null))).statusCode());
  }

  private Bot bot(URI node, String name) {
    Bot bot = Bot.signUp(node, name);
    bots.add(bot);
    return bot;
  }

  private static List<String> displayNames(FxRobot robot, String query) {
    return items(robot, query).stream().map(u -> AppRobot.user(u).displayName()).toList();
  }

  private static List<String> authors(FxRobot robot) {
    return items(robot, "#messages").stream().map(m -> ((Message) m).from().displayName()).toList();
  }

  private static List<String> keyNames(FxRobot robot) {
    return items(robot, "#apiKeys").stream().map(k -> ((ApiKey) k).name()).toList();
  }

  private static String secret(FxRobot robot) {
    return onFx(() -> robot.lookup("#newKeySecret").queryAs(TextField.class).getText());
  }

  /** Whether some label on screen reads exactly {@code text}. */
  private static boolean shows(FxRobot robot, String text) {
    return onFx(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
        .anyMatch(label -> text.equals(label.getText())));
  }

  private static List<String> toasts(FxRobot robot) {
    return onFx(() -> robot.lookup("#toasts .toast").queryAllAs(Notification.class).stream()
        .map(Notification::getMessage).toList());
  }
}
