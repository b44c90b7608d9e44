package chat.desktop;

import chat.client.ChatApiException;

/** Says what went wrong in words for the user, from what a server call threw. */
public final class Problems {

  private Problems() {}

  public static String describe(Exception failure) {
    if (!(failure instanceof ChatApiException refusal)) {
      return "Something went wrong: " + failure.getMessage();
    }
    return switch (refusal.code()) {
      case ChatApiException.UNREACHABLE -> "The server is unreachable. Check the address, or try again later.";
      case "unauthorized" -> "Wrong username or password.";
      case "banned" -> "Banned: " + refusal.getMessage();
      case "rate_limited" ->
          refusal
              .retryAfter()
              .map(wait -> "Too many attempts. Try again in " + wait.toSeconds() + " s.")
              .orElse("Too many attempts. Try again later.");
      default -> capitalized(refusal.getMessage()) + ".";
    };
  }

  /**
   * As {@link #describe}, but a refusal always in the server's own words: an upload's limits (a file's
   * size, a day's bytes, uploads at once) are told apart only by what the server says.
   */
  public static String inServersWords(Exception failure) {
    if (failure instanceof ChatApiException refusal && !ChatApiException.UNREACHABLE.equals(refusal.code())) {
      return capitalized(refusal.getMessage()) + ".";
    }
    return describe(failure);
  }

  private static String capitalized(String text) {
    if (text == null || text.isEmpty()) {
      return "The server refused";
    }
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
  }
}
