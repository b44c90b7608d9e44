package chat.client;

import java.util.Locale;

/** Names of rooms and users compare ignoring case, as the server compares them. */
public final class ChatNames {

  private ChatNames() {}

  public static boolean same(String a, String b) {
    return key(a).equals(key(b));
  }

  /** One spelling per name, for maps and sets. */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
