package chat.dto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireJsonTest {

  private static final User ALICE = new User(1, "alice", Role.USER, "Alice Ł.", "on holiday");
  private static final User REWARDS = User.of(2, "rewards", Role.SERVICE);
  private static final Message ROOM_MESSAGE =
      new Message(7, 3, "lobby", null, ALICE, "hi", Instant.parse("2026-11-23T10:15:30.123456Z"), "c-1");

  static Stream<ClientFrame> clientFrames() {
    return Stream.of(
        new ClientFrame.JoinRoom("lobby"),
        ClientFrame.JoinRoom.afterSeq("lobby", 41),
        new ClientFrame.JoinRoom("lobby", null, 41L),
        new ClientFrame.LeaveRoom("lobby"),
        new ClientFrame.SendChatMessage("lobby", "hello", "c-1"),
        new ClientFrame.SendDirectMessage("bob", "psst", null),
        new ClientFrame.DeleteMessage(7L),
        new ClientFrame.SendChatMessage("lobby", "agreed", "c-3", 7L),
        new ClientFrame.SendDirectMessage("bob", "yes", "c-4", 8L),
        new ClientFrame.EditMessage(7L, "hello, fixed"),
        new ClientFrame.React(7L, "\uD83D\uDC4D", true),
        new ClientFrame.MarkRead("lobby", null, 4L),
        new ClientFrame.Typing(null, "bob"),
        new ClientFrame.Ping());
  }

  static Stream<ServerFrame> serverFrames() {
    return Stream.of(
        new ServerFrame.Welcome(ALICE, "node-a", 25, new Limits(2000, 50, 200, Map.of("messages", new Rate(20, 10, "user"))), List.of("lobby")),
        new ServerFrame.RoomJoined("lobby", List.of(ALICE), List.of(ROOM_MESSAGE), null),
        new ServerFrame.RoomJoined("lobby", List.of(), List.of(), true),
        new ServerFrame.RoomJoined("lobby", List.of(ALICE), List.of(), null, ROOM_MESSAGE.sentAt()),
        new ServerFrame.MemberJoined("lobby", ALICE),
        new ServerFrame.MemberLeft("lobby", ALICE),
        new ServerFrame.ChatMessagePosted(ROOM_MESSAGE),
        new ServerFrame.ChatMessagePosted(
            new Message(9, 2, "lobby", null, ALICE, "@bob hi", ROOM_MESSAGE.sentAt(), "c-2", List.of("bob"))),
        new ServerFrame.MembershipChanged("lobby", false),
        new ServerFrame.Read(null, "bob", 3),
        new ServerFrame.Muted("lobby", null, true),
        new ServerFrame.Typing("lobby", ALICE),
        new ServerFrame.Silenced("lobby", ROOM_MESSAGE.sentAt()),
        new ServerFrame.Silenced("lobby", null),
        new ServerFrame.DirectMessagePosted(
            new Message(8, 1, null, "bob", ALICE, "psst", ROOM_MESSAGE.sentAt(), null)),
        new ServerFrame.MessageDeleted(7, "lobby", null, 12L, 3L),
        new ServerFrame.MessageUpdated(
            new Message(
                9, 2, "lobby", null, ALICE, "fixed", ROOM_MESSAGE.sentAt(), "c-2", null, 5L, ROOM_MESSAGE.sentAt(),
                new Reply(7, 1, ALICE, "hello", null),
                List.of(new Reaction("\uD83D\uDC4D", 2, List.of("alice", "bob"), null)),
                null),
            new ServerFrame.Reacted("bob", "\uD83D\uDC4D", true)),
        new ServerFrame.RoomJoined(
            "lobby",
            List.of(),
            List.of(new Message(9, 2, "lobby", null, null, null, null, null, null, 6L, null, null, null, true)),
            null),
        new ServerFrame.FriendRequested(ALICE),
        new ServerFrame.FriendAdded(ALICE),
        new ServerFrame.FriendRemoved(ALICE),
        new ServerFrame.IdentityChanged(ALICE),
        new ServerFrame.Notification(
            REWARDS, "reward", Json.createObjectBuilder().add("code", "WELCOME-42").add("points", 5).build()),
        new ServerFrame.Notification(REWARDS, "ping", null),
        new ServerFrame.Banned("spam"),
        new ServerFrame.AdminPing("node-a"),
        new ServerFrame.Pong(),
        ServerFrame.RequestFailed.of(ErrorCode.FORBIDDEN, "join first", "c-1"));
  }

  @ParameterizedTest
  @MethodSource("clientFrames")
  void clientFramesSurviveARoundTrip(ClientFrame frame) {
    assertEquals(frame, WireJson.readClientFrame(WireJson.toJson(frame)));
  }

  @ParameterizedTest
  @MethodSource("serverFrames")
  void serverFramesSurviveARoundTrip(ServerFrame frame) {
    assertEquals(frame, WireJson.readServerFrame(WireJson.toJson(frame)));
  }

  @Test
  void framesCarryTheContractsTypeNames() {
    assertTrue(WireJson.toJson(new ClientFrame.JoinRoom("lobby")).contains("\"type\":\"join_room\""));
    assertTrue(WireJson.toJson(new ServerFrame.AdminPing("a")).contains("\"type\":\"ping\""));
    assertTrue(
        WireJson.toJson(ServerFrame.RequestFailed.of(ErrorCode.RATE_LIMITED, "slow down", null))
            .contains("\"type\":\"error\""));
  }

  @Test
  void aFilesPictureSaysItsOrientationOnlyWhenItIsStoredTurned() {
    SharedFile upright = new SharedFile(1, "cat.png", "image/png", 10, new SharedFile.Picture(4, 3));
    SharedFile turned = new SharedFile(2, "IMG.jpg", "image/jpeg", 10, new SharedFile.Picture(400, 600, 6));
    assertEquals("{\"id\":1,\"image\":{\"height\":3,\"width\":4},\"name\":\"cat.png\",\"size\":10,\"type\":\"image/png\"}", WireJson.toJson(upright));
    assertEquals(upright, WireJson.fromJson(WireJson.toJson(upright), SharedFile.class));
    assertEquals(turned, WireJson.fromJson(WireJson.toJson(turned), SharedFile.class));
    assertTrue(turned.image().quarterTurned());
  }

  @Test
  void absentOptionalFieldsAreLeftOut() {
    String json = WireJson.toJson(new ServerFrame.ChatMessagePosted(ROOM_MESSAGE));
    assertTrue(!json.contains("\"to\""), json);
    assertTrue(json.contains("\"sentAt\":\"2026-11-23T10:15:30.123456Z\""), json);
  }

  @Test
  void aPrivateRoomSaysSoInTheContractsWord() {
    Room room = new Room(3, "team", "ann", ROOM_MESSAGE.sentAt(), 2, true, "owner");
    String json = WireJson.toJson(room);
    assertTrue(json.contains("\"private\":true"), json);
    assertEquals(room, WireJson.fromJson(json, Room.class));
    assertEquals(new CreateRoom("team", true), WireJson.fromJson("{\"name\":\"team\",\"private\":true}", CreateRoom.class));
    assertEquals(new CreateRoom("open"), WireJson.fromJson("{\"name\":\"open\"}", CreateRoom.class));
  }

  @Test
  void aPageOfMembersLeavesOutWhatItDoesNotShow() {
    MemberPage page =
        new MemberPage(
            List.of(new RoomMember(ALICE, "owner", true, null), new RoomMember(ALICE, "member", false, ROOM_MESSAGE.sentAt())),
            null);
    String json = WireJson.toJson(page);
    assertTrue(!json.contains("\"more\""), json);
    assertEquals(1, json.split("silencedUntil", -1).length - 1, json);
    assertEquals(page, WireJson.fromJson(json, MemberPage.class));
  }

  @Test
  void readsWhatAClientWritesByHand() {
    assertEquals(
        new ClientFrame.SendChatMessage("lobby", "hi", null),
        WireJson.readClientFrame("{\"type\":\"new_chat_message\",\"room\":\"lobby\",\"text\":\"hi\"}"));
    assertEquals(new ClientFrame.Ping(), WireJson.readClientFrame("{\"type\":\"ping\",\"extra\":1}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{bad", "", "[1,2]", "\"ping\"", "{\"type\":3}", "{\"room\":\"lobby\"}"})
  void malformedFramesAreRefusedWithAReason(String text) {
    InvalidJsonException refused =
        assertThrows(InvalidJsonException.class, () -> WireJson.readClientFrame(text));
    assertTrue(!refused.getMessage().isBlank());
  }

  @Test
  void anUnknownTypeIsNamedInTheRefusal() {
    InvalidJsonException refused =
        assertThrows(InvalidJsonException.class, () -> WireJson.readClientFrame("{\"type\":\"dance\"}"));
    assertTrue(refused.getMessage().contains("unknown frame type 'dance'"), refused.getMessage());
  }

  @Test
  void aServerOnlyTypeIsUnknownFromAClient() {
    assertThrows(InvalidJsonException.class, () -> WireJson.readClientFrame("{\"type\":\"welcome\"}"));
  }

  @Test
  void fieldsOfTheWrongShapeAreRefused() {
    InvalidJsonException refused =
        assertThrows(
            InvalidJsonException.class,
            () -> WireJson.readClientFrame("{\"type\":\"join_room\",\"room\":\"x\",\"after\":\"soon\"}"));
    assertTrue(refused.getMessage().startsWith("invalid 'join_room' frame"), refused.getMessage());
  }
}
