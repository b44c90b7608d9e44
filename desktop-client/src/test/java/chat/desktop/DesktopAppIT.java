package chat.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import chat.client.Backoff;
import chat.client.ChatApi;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.desktop.friends.FriendItem;
import chat.dto.Authenticated;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.SharedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
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
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app's windows, driven as a user drives them (Monocle draws them in memory), against a real
 * node. The other users are client-core connections: bots, as the load tool has them.
 */
@ExtendWith({SharedServer.class, ApplicationExtension.class})
class DesktopAppIT {

  private static final Duration SOON = Duration.ofSeconds(30);

  private final OneNode server;
  private final List<ChatConnection> bots = new ArrayList<>();
  private Path settings;
  private Stage window;

  DesktopAppIT(OneNode server) {
    this.server = server;
  }

  @Start
  void start(Stage stage) throws Exception {
    window = stage;
    settings = Files.createTempDirectory("chat-desktop").resolve("settings.properties");
    new ChatApp(new Settings(settings, server.uri().toString()), quickBackoff()).start(stage);
  }

  @AfterEach
  void stopBots() {
    bots.forEach(ChatConnection::close);
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

  // ---- a user at the keyboard ----

  private void signUp(FxRobot robot, String username) {
    robot.clickOn("#username").write(username);
    robot.clickOn("#password").write("long-enough");
    robot.clickOn("#signUp");
    awaitMainWindow(robot, username);
  }

  private void logIn(FxRobot robot, String username, String password) {
    robot.clickOn("#username").write(username);
    robot.clickOn("#password").write(password);
    robot.clickOn("#logIn");
    awaitMainWindow(robot, username);
  }

  /** A button in a list cell, once a layout pass has put the cell on screen. */
  private static Button visibleButton(FxRobot robot, String query) {
    Eventually.within(
        SOON,
        () -> assertTrue(onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent()), query));
    return onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAs(Button.class));
  }

  /** The top bar comes first; a tab's content joins the scene when the tab pane is first laid out. */
  private static void awaitMainWindow(FxRobot robot, String username) {
    Eventually.within(SOON, () -> assertTrue(text(robot, "#me").startsWith(username)));
    Eventually.within(SOON, () -> assertTrue(onFx(() -> robot.lookup("#newRoom").tryQuery().isPresent())));
  }

  /** The text of a label or button; empty while there is none (the screen is not shown yet). */
  private static String text(FxRobot robot, String query) {
    return onFx(() -> robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
  }

  private static List<?> items(FxRobot robot, String query) {
    return onFx(
        () ->
            robot.lookup(query).tryQuery().map(n -> List.copyOf(((ListView<?>) n).getItems())).orElse(List.of()));
  }

  private static List<String> messageTexts(FxRobot robot) {
    return items(robot, "#messages").stream().map(m -> ((Message) m).text()).toList();
  }

  private static List<String> userNames(FxRobot robot, String query) {
    return items(robot, query).stream().map(u -> ((User) u).username()).toList();
  }

  private static List<String> friendNames(FxRobot robot) {
    return items(robot, "#friends").stream().map(f -> ((FriendItem) f).user().username()).toList();
  }

  /** Reads the scene on the FX thread, where it lives. */
  private static <T> T onFx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not read the scene: " + e, e);
    }
  }

  // ---- the other users ----

  private Bot bot(String name) {
    ChatApi anonymous = ChatApi.of(server.uri());
    Authenticated login = anonymous.signUp(name, "long-enough");
    Bot bot = new Bot(name, anonymous.as(login.token()));
    ChatConnection connection = new ChatConnection(bot.api, login.token(), quickBackoff(), bot);
    bot.connection = connection;
    bots.add(connection);
    connection.start();
    bot.awaitState(ConnectionState.Connected.class);
    return bot;
  }

  private static Backoff quickBackoff() {
    return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), new Random());
  }

  /** Another user, as a client-core connection that records what it hears. */
  private static final class Bot implements ChatConnection.Listener {

    final String name;
    final ChatApi api;
    final List<Message> messages = new CopyOnWriteArrayList<>();
    final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
    volatile ConnectionState state;
    ChatConnection connection;

    Bot(String name, ChatApi api) {
      this.name = name;
      this.api = api;
    }

    @Override
    public void onFrame(ServerFrame frame) {
      if (frame instanceof ServerFrame.ChatMessagePosted posted) {
        messages.add(posted.message());
      } else if (frame instanceof ServerFrame.RoomJoined joined) {
        messages.addAll(joined.history());
      }
      frames.add(frame);
    }

    @Override
    public void onState(ConnectionState now) {
      state = now;
    }

    List<String> texts() {
      return messages.stream().map(Message::text).toList();
    }

    <F extends ServerFrame> F next(Class<F> type) {
      long deadline = System.nanoTime() + SOON.toNanos();
      try {
        while (System.nanoTime() < deadline) {
          ServerFrame frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (type.isInstance(frame)) {
            return type.cast(frame);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new AssertionError(name + " heard no " + type.getSimpleName());
    }

    <S extends ConnectionState> S awaitState(Class<S> type) {
      Eventually.within(SOON, () -> assertTrue(type.isInstance(state), name + " is " + state));
      return type.cast(state);
    }
  }
}
