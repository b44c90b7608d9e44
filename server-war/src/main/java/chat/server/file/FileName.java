package chat.server.file;

import chat.dto.SharedFile;
import chat.server.error.ChatException;
import chat.server.input.InputText;

/**
 * A file's name as an upload gives it: what follows its last {@code /} or {@code \}, so that no path
 * the sender's machine had (or a forged one, {@code ../../etc/passwd}) goes any further; plain text of
 * 1 to {@link SharedFile#MAX_NAME} characters without bidirectional controls, and not a name of a
 * directory ({@code .}, {@code ..}).
 */
final class FileName {

  private FileName() {}

  /**
   * The characters that reorder how a text shows (Unicode's bidirectional controls): in a file's name
   * they make {@code .exe} show as {@code .pdf}.
   */
  private static boolean turnsText(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
  }

  static String of(String given) {
    String name = InputText.plain("name", given);
    if (name == null || name.isBlank()) {
      throw ChatException.invalid("'name' is the file's name, and it is missing");
    }
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    if (last.isEmpty() || last.equals(".") || last.equals("..")) {
      throw ChatException.invalid("'name' names no file: '" + name + "'");
    }
    if (last.chars().anyMatch(FileName::turnsText)) {
      throw ChatException.invalid("'name' must not hold bidirectional controls, which make a name show as another");
    }
    if (last.codePointCount(0, last.length()) > SharedFile.MAX_NAME) {
      throw ChatException.invalid("'name' is at most " + SharedFile.MAX_NAME + " characters");
    }
    return last;
  }
}
