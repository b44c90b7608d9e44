package chat.desktop.rooms;

/** A line of the room list: a room, how many are in it now, and what this user has not read in it. */
public record RoomItem(String name, int online, int unread, boolean joined) {

  RoomItem withOnline(int count) {
    return new RoomItem(name, Math.max(0, count), unread, joined);
  }

  RoomItem withUnread(int count) {
    return new RoomItem(name, online, count, joined);
  }

  RoomItem withJoined(boolean now) {
    return new RoomItem(name, online, now ? unread : 0, now);
  }
}
