package chat.dto;

import java.util.List;

/** {@code GET /api/admin/users}: a user as an administrator sees one, newest address first. */
public record AdminUser(long id, String username, Role role, boolean banned, List<String> lastIps) {}
