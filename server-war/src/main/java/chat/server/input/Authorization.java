package chat.server.input;

/**
 * The credentials of an {@code Authorization} header in one scheme ({@code Bearer}, {@code ApiKey}):
 * the scheme compares ignoring case, as HTTP says; another scheme, or no header, gives null.
 */
public final class Authorization {

  private Authorization() {}

  public static String credentials(String header, String scheme) {
    String prefix = scheme + " ";
    return header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
        ? header.substring(prefix.length()).trim()
        : null;
  }
}
