package chat.server.account;

import chat.dto.ProfileChange;
import chat.server.error.ChatException;
import chat.server.input.InputText;

/**
 * The rules of a profile (docs/protocol.md, "Profiles"). Beyond control characters and lone
 * surrogates, which every input refuses, a profile refuses the invisible characters that reorder or
 * hide text: with a right-to-left override or zero-width characters, one display name can be made to
 * look like another's.
 */
final class ProfilePolicy {

  static final int MAX_DISPLAY_NAME = 64;
  static final int MAX_STATUS = 140;

  private ProfilePolicy() {}

  /** The change with both fields trimmed and checked; a field left out stays null. */
  static ProfileChange check(ProfileChange change) {
    if (change == null || (change.displayName() == null && change.status() == null)) {
      throw ChatException.invalid("send {\"displayName\": ...} or {\"status\": ...}, or both");
    }
    String displayName = checked("displayName", change.displayName(), 1, MAX_DISPLAY_NAME);
    String status = checked("status", change.status(), 0, MAX_STATUS);
    return new ProfileChange(displayName, status);
  }

  private static String checked(String field, String value, int min, int max) {
    if (value == null) {
      return null;
    }
    String trimmed = InputText.plain(field, value).strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < min || length > max) {
      throw ChatException.invalid(
          "'" + field + "' must be " + min + " to " + max + " characters once trimmed, not " + length);
    }
    trimmed.codePoints().filter(ProfilePolicy::hides).findFirst().ifPresent(c -> {
      throw ChatException.invalid(
          "'" + field + "' must not hold invisible or reordering characters (U+%04X)".formatted(c));
    });
    return trimmed;
  }

  /**
   * Zero-width spaces and direction marks, line and paragraph separators, bidi embeddings, overrides
   * and isolates, invisible operators, the BOM. The zero-width joiner stays: emoji sequences need it.
   */
  private static boolean hides(int c) {
    return (c >= 0x200B && c <= 0x200F && c != 0x200D)
        || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x206F)
        || c == 0xFEFF
        || c == 0x061C;
  }
}
