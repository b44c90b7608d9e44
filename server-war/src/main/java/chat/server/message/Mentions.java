package chat.server.message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a message's text mentions ({@code @username}, docs/protocol.md "Your channels"): who of them
 * can see the message is the database's to say, when the message is stored.
 */
final class Mentions {

  /** A message names at most this many users; the names after are text. */
  static final int MOST = 20;

  private static final int MIN_NAME = 3;
  private static final int MAX_NAME = 32;

  private Mentions() {}

  /**
   * The names of the first {@code max} mentions, lower-cased, each once: an {@code @} at the start or
   * after a character that cannot be in a name (so not in an address like {@code a@b.org}), then a run
   * of name characters. A run that ends in full stops gives two names, with and without them (a name
   * may end in one, a sentence does): which exist is the database's to say.
   */
  static List<String> in(String text, int max) {
    Set<String> names = new LinkedHashSet<>();
    int mentions = 0;
    int at = text.indexOf('@');
    while (at >= 0 && mentions < max) {
      int end = at + 1;
      while (end < text.length() && isNameChar(text.charAt(end))) {
        end++;
      }
      if (at == 0 || !(isNameChar(text.charAt(at - 1)) || text.charAt(at - 1) == '@')) {
        int last = end;
        while (last > at + 1 && text.charAt(last - 1) == '.') {
          last--;
        }
        boolean named = false;
        for (int stop : new int[] {end, last}) {
          int length = stop - at - 1;
          if (length >= MIN_NAME && length <= MAX_NAME) {
            named |= names.add(text.substring(at + 1, stop).toLowerCase(Locale.ROOT));
          }
        }
        if (named) {
          mentions++;
        }
      }
      at = text.indexOf('@', Math.max(end, at + 1));
    }
    return List.copyOf(names);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  }
}
