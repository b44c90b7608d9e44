package chat.server.input;

import chat.server.error.ChatException;

/**
 * What a string from a client may hold. Control characters (C0, DEL, C1) are refused everywhere but for
 * newlines and tabs in message text: NUL makes PostgreSQL refuse the statement it is in, and the rest
 * can rewrite another user's terminal (ESC, CR). A lone surrogate is not text in any encoding. Each
 * check answers {@code invalid_request} naming the field, and passes null through for the caller to
 * judge.
 */
public final class InputText {

  private InputText() {}

  /** A name, a password, an identifier: no control character at all. */
  public static String plain(String field, String value) {
    return check(field, value, false);
  }

  /** Message text: newlines and tabs are allowed, other control characters are not. */
  public static String multiline(String field, String value) {
    return check(field, value, true);
  }

  private static String check(String field, String value, boolean lineBreaks) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\t'))) {
        throw ChatException.invalid(
            "'" + field + "' must not hold control characters" + (lineBreaks ? " other than newlines and tabs" : ""));
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          throw ChatException.invalid("'" + field + "' holds half of a character (a lone surrogate)");
        }
        i++;
      }
    }
    return value;
  }
}
