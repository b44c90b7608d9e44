package chat.dto;

import java.util.List;

/**
 * {@code GET /api/admin/users}: a user as an administrator sees one, with up to five addresses,
 * newest first, and whether they have a socket open on any node.
 */
public record AdminUser(
    long id, String username, String displayName, Role role, boolean banned, List<String> lastIps, boolean online) {

  public AdminUser withOnline(boolean now) {
    return new AdminUser(id, username, displayName, role, banned, lastIps, now);
  }
}
