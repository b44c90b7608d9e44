package chat.desktop;

import static chat.desktop.AppRobot.SOON;
import static chat.desktop.AppRobot.friendNames;
import static chat.desktop.AppRobot.items;
import static chat.desktop.AppRobot.logIn;
import static chat.desktop.AppRobot.messageTexts;
import static chat.desktop.AppRobot.onFx;
import static chat.desktop.AppRobot.signUp;
import static chat.desktop.AppRobot.text;
import static chat.desktop.AppRobot.userNames;
import static chat.desktop.AppRobot.visibleButton;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import chat.client.ChatApi;
import chat.client.ConnectionState;
import chat.dto.ServerFrame;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.SharedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real app's windows, driven as a user drives them (Monocle draws them in memory), against a real
 * node. The other users are client-core connections: bots, as the load tool has them.
 */
@ExtendWith({SharedServer.class, ApplicationExtension.class})
class DesktopAppIT {

  private final OneNode server;
  private final List<Bot> bots = new ArrayList<>();
  private Path settings;
  private Stage window;

  DesktopAppIT(OneNode server) {
    this.server = server;
  }

  @Start
  void start(Stage stage) throws Exception {
    window = stage;
    settings = Files.createTempDirectory("chat-desktop").resolve("settings.properties");
    new ChatApp(new Settings(settings, server.uri().toString()), Bot.quickBackoff()).start(stage);
  }

  @AfterEach
  void stopBots() {
    bots.forEach(Bot::close);
  }

  @Test
  void chatsInARoomDeletesAMessageAndTalksToAFriend(FxRobot robot) {
    String ann = Names.unique("ann");
    signUp(robot, ann);
    String room = Names.unique("room");
    robot.clickOn("#newRoom").write(room);
    robot.clickOn("#createRoom");
    Eventually.within(SOON, () -> assertEquals("# " + room, text(robot, "#conversationTitle")));

    Bot bob = bot(Names.unique("bob"));
    bob.connection.join(room);
    bob.next(ServerFrame.RoomJoined.class);
    Eventually.within(SOON, () -> assertTrue(userNames(robot, "#members").contains(bob.name)));
    bob.connection.send(room, "hello from bob");
    Eventually.within(SOON, () -> assertEquals(List.of("hello from bob"), messageTexts(robot)));

    robot.clickOn("#draft").write("hi bob");
    robot.clickOn("#send");
    Eventually.within(SOON, () -> assertEquals(List.of("hello from bob", "hi bob"), bob.texts()));
    Eventually.within(SOON, () -> assertEquals(List.of("hello from bob", "hi bob"), messageTexts(robot)));

    // A message's actions show while the pointer is on it.
    robot.moveTo("hi bob");
    Button actions = visibleButton(robot, "#messages .message-actions");
    Screenshots.take(window, "desktop-room");
    robot.clickOn(actions);
    robot.clickOn("Delete");
    assertEquals(bob.messages.get(1).id(), bob.next(ServerFrame.MessageDeleted.class).id());
    Eventually.within(SOON, () -> assertEquals(List.of("hello from bob"), messageTexts(robot)));

    bob.api.addFriend(ann);
    robot.clickOn("Friends");
    Eventually.within(SOON, () -> assertEquals(List.of(bob.name), userNames(robot, "#incoming")));
    robot.clickOn(visibleButton(robot, "#incoming .accept"));
    Eventually.within(SOON, () -> assertEquals(List.of(bob.name), friendNames(robot)));
    Screenshots.take(window, "desktop-friends");
    bob.next(ServerFrame.FriendAdded.class);
    robot.clickOn(visibleButton(robot, "#friends .message"));
    Eventually.within(SOON, () -> assertEquals("@ " + bob.name, text(robot, "#conversationTitle")));

    robot.clickOn("#draft").write("a word in private").type(KeyCode.ENTER);
    Eventually.within(SOON, () -> assertEquals(List.of("a word in private"), messageTexts(robot)));
    assertEquals("a word in private", bob.next(ServerFrame.DirectMessagePosted.class).message().text());
    bob.connection.sendDirect(ann, "likewise");
    Eventually.within(SOON, () -> assertEquals(List.of("a word in private", "likewise"), messageTexts(robot)));
    Screenshots.take(window, "desktop-direct");
  }

  @Test
  void anAdminBansAUserWhoThenLeavesTheRoom(FxRobot robot) {
    logIn(robot, OneNode.ADMIN, OneNode.ADMIN_PASSWORD);
    String room = Names.unique("room");
    robot.clickOn("#newRoom").write(room);
    robot.clickOn("#createRoom");
    Bot carl = bot(Names.unique("carl"));
    carl.connection.join(room);
    carl.next(ServerFrame.RoomJoined.class);
    Eventually.within(SOON, () -> assertTrue(userNames(robot, "#members").contains(carl.name)));

    robot.clickOn("#openAdmin");
    robot.clickOn("#adminQuery").write(carl.name);
    robot.clickOn("#adminFind");
    Eventually.within(SOON, () -> assertEquals(1, items(robot, "#adminUsers").size()));
    robot.clickOn(robot.lookup("#adminUsers .list-cell").nth(0).queryLabeled());
    robot.clickOn("#banReason").write("spam");
    robot.clickOn("#ban");

    assertEquals("spam", carl.awaitState(ConnectionState.Banned.class).reason());
    Eventually.within(SOON, () -> assertFalse(userNames(robot, "#members").contains(carl.name)));
    Eventually.within(SOON, () -> assertTrue(text(robot, "#adminNotice").contains(carl.name + " is banned")));
    Window admin = onFx(() -> robot.lookup("#adminQuery").query().getScene().getWindow());
    Screenshots.take(admin, "desktop-admin-users");
    robot.clickOn("Bans");
    Screenshots.take(admin, "desktop-admin-bans");
    robot.clickOn("Cluster");
    Screenshots.take(admin, "desktop-admin-cluster");
  }

  @Test
  void showsTheServerGoingAwayAndCatchesUpWhenItIsBack(FxRobot robot) {
    signUp(robot, Names.unique("dan"));
    String room = Names.unique("room");
    robot.clickOn("#newRoom").write(room);
    robot.clickOn("#createRoom");
    Bot eve = bot(Names.unique("eve"));
    eve.connection.join(room);
    eve.next(ServerFrame.RoomJoined.class);
    eve.connection.send(room, "before");
    Eventually.within(SOON, () -> assertEquals(List.of("before"), messageTexts(robot)));
    assertEquals("Connected to node-1", text(robot, "#connectionState"));

    server.stop();
    Eventually.within(SOON, () -> assertTrue(text(robot, "#connectionState").startsWith("Reconnecting"), text(robot, "#connectionState")));
    Screenshots.take(window, "desktop-reconnecting");
    server.restart();
    // Eve's messages wait in her connection until it is back, and may reach the node before Dan does.
    eve.connection.send(room, "while you were away 1");
    eve.connection.send(room, "while you were away 2");

    Eventually.within(SOON, () -> assertEquals("Connected to node-1", text(robot, "#connectionState")));
    Eventually.within(
        SOON,
        () -> assertEquals(List.of("before", "while you were away 1", "while you were away 2"), messageTexts(robot)));
  }

  @Test
  void theUsersPickOfThemeIsAppliedAndRemembered(FxRobot robot) {
    signUp(robot, Names.unique("dee"));
    boolean dark = onFx(() -> robot.lookup("#darkTheme").queryAs(ToggleButton.class).isSelected());

    robot.clickOn("#darkTheme");

    String picked = (dark ? new PrimerLight() : new PrimerDark()).getUserAgentStylesheet();
    Eventually.within(SOON, () -> assertEquals(picked, onFx(Application::getUserAgentStylesheet)));
    assertEquals(Optional.of(!dark), new Settings(settings, server.uri().toString()).darkTheme());
    if (!dark) {
      Screenshots.take(window, "desktop-dark");
    }
  }

  @Test
  void saysWhyALoginFailed(FxRobot robot) {
    String fay = Names.unique("fay");
    ChatApi.of(server.uri()).signUp(fay, "fay-password");
    robot.clickOn("#username").write(fay);
    robot.clickOn("#password").write("not-her-password");
    robot.clickOn("#logIn");
    Eventually.within(SOON, () -> assertEquals("Wrong username or password.", text(robot, "#loginError")));
    Screenshots.take(window, "desktop-login");

    robot.clickOn("#password").write("x".repeat(8));
    robot.clickOn("#signUp");
    Eventually.within(SOON, () -> assertEquals("That username is taken.", text(robot, "#loginError")));
  }

  // ---- the other users ----

  private Bot bot(String name) {
    Bot bot = Bot.signUp(server.uri(), name);
    bots.add(bot);
    return bot;
  }

}
