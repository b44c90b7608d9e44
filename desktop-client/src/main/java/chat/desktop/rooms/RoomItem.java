package chat.desktop.rooms;

/**
 * A room as the list shows it: its online count; whether the user is a member ({@code mine}, on any
 * device) and has it open here ({@code joined}); what is unread after their marker ({@code readSeq}),
 * and how much of it mentions them; whether they muted it.
 */
public record RoomItem(
    String name, int online, int unread, boolean joined, boolean mine, int mentions, boolean muted, long readSeq) {

  /** A room with nothing counted and not muted: the user's if it is open here ({@code joined}). */
  public RoomItem(String name, int online, int unread, boolean joined) {
    this(name, online, unread, joined, joined, 0, false, 0);
  }

  RoomItem withOnline(int count) {
    return new RoomItem(name, Math.max(0, count), unread, joined, mine, mentions, muted, readSeq);
  }

  RoomItem withUnread(int count, int mentioned) {
    return new RoomItem(name, online, count, joined, mine, mentioned, muted, readSeq);
  }

  RoomItem withJoined(boolean now) {
    return new RoomItem(name, online, now ? unread : 0, now, now || mine, now ? mentions : 0, muted, readSeq);
  }

  RoomItem withMembership(boolean member) {
    return member
        ? new RoomItem(name, online, unread, joined, true, mentions, muted, readSeq)
        : new RoomItem(name, online, 0, false, false, 0, muted, readSeq);
  }

  RoomItem withMuted(boolean now) {
    return new RoomItem(name, online, unread, joined, mine, mentions, now, readSeq);
  }

  RoomItem withReadSeq(long seq) {
    return new RoomItem(name, online, unread, joined, mine, mentions, muted, Math.max(readSeq, seq));
  }
}
