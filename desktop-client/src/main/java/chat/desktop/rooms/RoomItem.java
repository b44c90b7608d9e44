package chat.desktop.rooms;

/**
 * A room as the list shows it: its online count; whether the user is a member ({@code mine}, on any
 * device) and has it open here ({@code joined}); what is unread after their marker ({@code readSeq}),
 * and how much of it mentions them; whether they muted it; whether it is private, and the user's role
 * in it ({@code owner}, {@code moderator}, {@code member}, or null), as the server last listed it.
 */
public record RoomItem(
    String name,
    int online,
    int unread,
    boolean joined,
    boolean mine,
    int mentions,
    boolean muted,
    long readSeq,
    boolean privateRoom,
    String role) {

  /** A public room with nothing counted and not muted: the user's if it is open here ({@code joined}). */
  public RoomItem(String name, int online, int unread, boolean joined) {
    this(name, online, unread, joined, joined, 0, false, 0, false, null);
  }

  RoomItem withOnline(int count) {
    return new RoomItem(name, Math.max(0, count), unread, joined, mine, mentions, muted, readSeq, privateRoom, role);
  }

  RoomItem withUnread(int count, int mentioned) {
    return new RoomItem(name, online, count, joined, mine, mentioned, muted, readSeq, privateRoom, role);
  }

  RoomItem withJoined(boolean now) {
    return new RoomItem(
        name, online, now ? unread : 0, now, now || mine, now ? mentions : 0, muted, readSeq, privateRoom, role);
  }

  RoomItem withMembership(boolean member) {
    return member
        ? new RoomItem(name, online, unread, joined, true, mentions, muted, readSeq, privateRoom, role)
        : new RoomItem(name, online, 0, false, false, 0, muted, readSeq, privateRoom, null);
  }

  RoomItem withMuted(boolean now) {
    return new RoomItem(name, online, unread, joined, mine, mentions, now, readSeq, privateRoom, role);
  }

  RoomItem withReadSeq(long seq) {
    return new RoomItem(name, online, unread, joined, mine, mentions, muted, Math.max(readSeq, seq), privateRoom, role);
  }

  RoomItem withAccess(boolean isPrivate, String now) {
    return new RoomItem(name, online, unread, joined, mine, mentions, muted, readSeq, isPrivate, now);
  }

  /** The owner and the moderators moderate a room. */
  public boolean moderated() {
    return "owner".equals(role) || "moderator".equals(role);
  }
}
