package chat.server.account;

import chat.server.error.ChatException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The contract's rules for names and passwords, with a message that says which one was broken. */
final class CredentialPolicy {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
  /** bcrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused. */
  private static final int BCRYPT_MAX_BYTES = 72;

  private CredentialPolicy() {}

  static String checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw ChatException.invalid(
          "username must be 3 to 32 characters of letters, digits, '_', '.' or '-'");
    }
    return username;
  }

  static String checkPassword(String password) {
    if (password == null || password.length() < 8 || password.length() > 128) {
      throw ChatException.invalid("password must be 8 to 128 characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
      throw ChatException.invalid("password must be at most 72 bytes in UTF-8");
    }
    return password;
  }
}
