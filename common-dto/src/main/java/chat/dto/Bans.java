package chat.dto;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/admin/bans}: the user bans and address bans in force. */
public record Bans(List<UserBan> users, List<AddressBan> addresses) {

  public record UserBan(User user, String reason, String bannedBy, Instant bannedAt) {}

  /** {@code user} is whose addresses they were, when the ban came with a user's ban. */
  public record AddressBan(String address, String user, String reason, Instant bannedAt) {}
}
