package chat.desktop.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.desktop.Ui;
import chat.dto.ChannelState;
import chat.dto.Room;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomsViewModelTest {

  private final List<String> joins = new ArrayList<>();
  private final List<String> shown = new ArrayList<>();
  private final RoomsViewModel rooms =
      new RoomsViewModel(
          new RoomActions() {
            @Override
            public List<Room> rooms() {
              return List.of(room("random", 4), room("General", 2));
            }

            @Override
            public Room createRoom(String name, boolean privateRoom) {
              return room(name, 0);
            }

            @Override
            public void join(String room) {
              joins.add(room);
            }

            @Override
            public void leave(String room) {}

            @Override
            public List<ChannelState> channels() {
              return List.of();
            }
          },
          Ui.inline(),
          shown::add);

  @Test
  void countsUnreadMessagesOnlyForRoomsNotInView() {
    rooms.refresh();
    rooms.open("General");
    rooms.messageArrived("random", false, 1, false);
    rooms.messageArrived("random", false, 2, false);
    rooms.messageArrived("General", true, 1, false);

    assertEquals(List.of(new RoomItem("General", 2, 0, true), new RoomItem("random", 4, 2, false)), rooms.rooms());
    assertEquals(2, rooms.unread().get());
    rooms.open("random");
    assertEquals(0, rooms.unread().get());
    assertEquals(List.of("General", "random"), joins);
  }

  @Test
  void aNewRoomIsJoinedAndShown() {
    rooms.newRoom().set("  lounge ");
    rooms.create();

    assertEquals(List.of("lounge"), joins);
    assertEquals(List.of("lounge"), shown);
    assertTrue(rooms.isJoined("lounge"));
    assertEquals("", rooms.newRoom().get());
  }

  @Test
  void followsTheMembersOfAJoinedRoom() {
    rooms.refresh();
    rooms.membersNow("random", 3);
    rooms.memberCountChanged("random", +1);
    rooms.memberCountChanged("random", -1);
    rooms.memberCountChanged("random", -1);
    assertEquals(2, rooms.rooms().get(1).online());
  }

  private static Room room(String name, int online) {
    return new Room(1, name, "ann", Instant.EPOCH, online);
  }

  @Test
  void myRoomsComeFirstWithTheServersCountsAndCountOnlyAfterMyMarker() {
    rooms.refresh();
    rooms.channelsLoaded(List.of(new ChannelState("random", null, 9, 7, 2, 1, true)), null);

    assertEquals(List.of(new RoomItem("random", 4, 2, false, true, 1, true, 7, false, null), new RoomItem("General", 2, 0, false)), rooms.rooms());
    rooms.messageArrived("random", false, 7, true);
    assertEquals(2, rooms.rooms().get(0).unread(), "seq 7 was read already");
    rooms.messageArrived("random", false, 10, true);
    assertEquals(3, rooms.rooms().get(0).unread());
    assertEquals(2, rooms.rooms().get(0).mentions());
    assertTrue(rooms.isMuted("RANDOM"));

    rooms.read("random", 10, true);
    assertEquals(0, rooms.unread().get(), "read on another device");
    rooms.membership("random", false);
    assertEquals(List.of("General", "random"), rooms.rooms().stream().map(RoomItem::name).toList(), "no longer mine");
  }
}
