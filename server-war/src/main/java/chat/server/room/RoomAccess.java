package chat.server.room;

import chat.dto.Role;
import chat.dto.User;

/**
 * A room as one user stands in it: whether it is private, who owns it, and whether the user is a
 * member and one of its moderators. Every route and frame that names a room asks this first, so a
 * private room is {@code not_found} to anyone outside it, everywhere alike.
 */
record RoomAccess(long id, String name, boolean isPrivate, long ownerId, boolean member, boolean moderator) {

  RoomRef ref() {
    return new RoomRef(id, name);
  }

  /**
   * Whether {@code user} may see the room at all: anyone a public one; a member, its owner (who may
   * have left it, and joins it again) or an administrator a private one.
   */
  boolean visibleTo(User user) {
    return !isPrivate || member || ownedBy(user) || user.role() == Role.ADMIN;
  }

  boolean ownedBy(User user) {
    return ownerId == user.id();
  }

  /** The owner, its moderators and the administrators moderate a room. */
  boolean moderatedBy(User user) {
    return ownedBy(user) || (member && moderator) || user.role() == Role.ADMIN;
  }

  /** The reader's role in it, for a member; null for anyone else. */
  String roleOf(User user) {
    if (!member) {
      return null;
    }
    return ownedBy(user) ? "owner" : moderator ? "moderator" : "member";
  }
}
