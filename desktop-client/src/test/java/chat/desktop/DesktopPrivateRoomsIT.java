package chat.desktop;

import static chat.desktop.AppRobot.SOON;
import static chat.desktop.AppRobot.clickRoom;
import static chat.desktop.AppRobot.items;
import static chat.desktop.AppRobot.logIn;
import static chat.desktop.AppRobot.messageTexts;
import static chat.desktop.AppRobot.onFx;
import static chat.desktop.AppRobot.signUp;
import static chat.desktop.AppRobot.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ChatApi;
import chat.desktop.conversation.Member;
import chat.desktop.rooms.RoomItem;
import chat.dto.Room;
import chat.dto.ServerFrame;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * Private rooms in the app on node B, with the others on node A: its owner creates one, invites,
 * names a moderator, silences and removes, and sees every member with their role, online or not; a
 * member invited sees the room at once, is told when a moderator silences them, and still is after
 * logging in again (a new session, as after a restart).
 */
@ExtendWith({SharedTwoNodes.class, ApplicationExtension.class})
class DesktopPrivateRoomsIT {

  private final TwoNodes cluster;
  private final List<Bot> bots = new ArrayList<>();
  private Stage window;

  DesktopPrivateRoomsIT(TwoNodes cluster) {
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
  void theOwnerInvitesNamesAModeratorSilencesAndRemovesFromTheApp(FxRobot robot) {
    String ann = Names.unique("ann");
    signUp(robot, ann);
    Bot bob = bot(Names.unique("bob"));
    String room = Names.unique("team");
    robot.clickOn("#newRoom").write(room);
    robot.clickOn("#newRoomPrivate");
    robot.clickOn("#createRoom");
    Eventually.within(SOON, () -> assertEquals("# " + room, text(robot, "#conversationTitle")));
    Eventually.within(SOON, () -> assertTrue(visible(robot, "#privateRoom"), "the lock shows"));
    assertFalse(names(bob.api.rooms()).contains(room), "not listed to others");

    robot.clickOn("#invitee").write(bob.name);
    robot.clickOn("#invite");
    bob.next(ServerFrame.MembershipChanged.class, m -> m.room().equals(room) && m.member());
    bob.next(ServerFrame.RoomJoined.class, j -> j.room().equals(room));
    bob.connection.send(room, "thanks for having me");
    Eventually.within(SOON, () -> assertEquals(List.of("thanks for having me"), messageTexts(robot)));
    Eventually.within(SOON, () -> assertTrue(member(robot, bob.name).isPresent()));
    Screenshots.take(window, "desktop-private-room");

    // A member who never connected is listed too, offline; the owner is, with their role.
    String dan = Names.unique("dan");
    ChatApi.of(cluster.a.uri()).signUp(dan, "long-enough");
    robot.clickOn("#invitee").write(dan);
    robot.clickOn("#invite");
    Eventually.within(SOON, () -> assertEquals(List.of(false), listed(robot, dan).stream().map(Member::online).toList(), "dan, offline"));
    assertEquals("member", listed(robot, dan).get(0).role());
    assertEquals(List.of("owner"), listed(robot, ann).stream().map(Member::role).toList());
    assertTrue(listed(robot, bob.name).get(0).online());

    memberAction(robot, bob.name, "Make moderator");
    Eventually.within(SOON, () -> assertEquals("moderator", role(bob, room)));
    Eventually.within(SOON, () -> assertTrue(tag(robot, bob.name, "moderator"), "his role shows by his name"));
    memberAction(robot, bob.name, "Silence for 10 minutes");
    assertEquals(room, bob.next(ServerFrame.Silenced.class, s -> s.until() != null).room());
    Eventually.within(SOON, () -> assertTrue(tag(robot, bob.name, "silenced"), "the owner sees who is silenced"));
    assertTrue(listed(robot, bob.name).get(0).silencedUntil() != null);
    memberAction(robot, bob.name, "Remove from room");
    bob.next(ServerFrame.MembershipChanged.class, m -> m.room().equals(room) && !m.member());
    Eventually.within(SOON, () -> assertFalse(names(bob.api.rooms()).contains(room), "removed, he no longer sees it"));
    Eventually.within(SOON, () -> assertEquals(List.of(), listed(robot, bob.name), "and is no longer listed"));
  }

  @Test
  void aMemberInvitedSeesTheRoomAtOnceAndIsToldWhenSilenced(FxRobot robot) {
    String ann = Names.unique("ann");
    signUp(robot, ann);
    Bot cat = bot(Names.unique("cat"));
    String room = cat.api.createRoom(Names.unique("club"), true).name();
    cat.api.invite(room, ann);
    // The invitation lists the room at once, and the list, read again, says it is private.
    Eventually.within(
        SOON,
        () -> assertTrue(items(robot, "#rooms").stream().map(RoomItem.class::cast).anyMatch(r -> r.name().equals(room) && r.privateRoom())));
    WaitForAsyncUtils.waitForFxEvents();
    clickRoom(robot, room);
    Eventually.within(SOON, () -> assertEquals("# " + room, text(robot, "#conversationTitle")));
    Eventually.within(SOON, () -> assertTrue(visible(robot, "#privateRoom")));

    cat.api.silence(room, ann, 5);
    Eventually.within(SOON, () -> assertTrue(visible(robot, "#silenced"), "told, on this node"));
    assertTrue(onFx(() -> robot.lookup("#draft").query().isDisabled()), "and the composer waits");
    Screenshots.take(window, "desktop-silenced");
    String notice = AppRobot.text(robot, "#silenced");

    // A new session, as after a restart: the join tells the silence again.
    robot.clickOn("#logOut");
    logIn(robot, ann, "long-enough");
    clickRoom(robot, room);
    Eventually.within(SOON, () -> assertEquals("# " + room, text(robot, "#conversationTitle")));
    Eventually.within(SOON, () -> assertTrue(visible(robot, "#silenced"), "still told, after logging in again"));
    assertEquals(notice, text(robot, "#silenced"), "until the same time");
    assertTrue(onFx(() -> robot.lookup("#draft").query().isDisabled()), "and the composer still waits");
    cat.api.silence(room, ann, 0);
    Eventually.within(SOON, () -> assertFalse(onFx(() -> robot.lookup("#draft").query().isDisabled())));
    robot.clickOn("#draft").write("back");
    robot.clickOn("#send");
    Eventually.within(SOON, () -> assertEquals(List.of("back"), messageTexts(robot)));
  }

  private Bot bot(String name) {
    Bot bot = Bot.signUp(cluster.a.uri(), name);
    bots.add(bot);
    return bot;
  }

  private static List<String> names(List<Room> rooms) {
    return rooms.stream().map(Room::name).toList();
  }

  private static String role(Bot bot, String room) {
    return bot.api.rooms().stream().filter(r -> r.name().equals(room)).findFirst().map(Room::role).orElse(null);
  }

  /** The members list's rows for {@code name}: none, or one. */
  private static List<Member> listed(FxRobot robot, String name) {
    return items(robot, "#members").stream().map(Member.class::cast).filter(m -> m.user().username().equals(name)).toList();
  }

  /** Whether the member's row shows a tag with {@code text} (their role, a silence). */
  private static boolean tag(FxRobot robot, String name, String text) {
    return onFx(
        () -> member(robot, name)
            .map(label -> label.getParent().getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof Label l && text.equals(l.getText())))
            .orElse(false));
  }

  private static boolean visible(FxRobot robot, String query) {
    return onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
  }

  /** The member's name in the members list (not the one on their messages). */
  private static java.util.Optional<Label> member(FxRobot robot, String name) {
    return onFx(
        () -> robot.from(robot.lookup("#members").<Node>query())
            .lookup((Label l) -> name.equals(l.getText()))
            .tryQuery()
            .map(Label.class::cast));
  }

  /** Opens the member's menu, by a click on their name, and picks {@code action}. */
  private static void memberAction(FxRobot robot, String name, String action) {
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(member(robot, name).orElseThrow());
    robot.clickOn(action);
  }
}
