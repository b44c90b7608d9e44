package chat.desktop.conversation;

import chat.dto.User;
import java.time.Instant;

/**
 * A room's member as the members panel shows them: their {@code role} there ({@code owner},
 * {@code moderator}, {@code member}, or null while the list has not said), whether they are in the
 * room now, and until when a moderator silenced them (the server tells moderators, and the member).
 */
public record Member(User user, String role, boolean online, Instant silencedUntil) {

  /** Whether a silence holds at {@code now}. */
  public boolean silencedAt(Instant now) {
    return silencedUntil != null && silencedUntil.isAfter(now);
  }
}
