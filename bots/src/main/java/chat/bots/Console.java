package chat.bots;

import java.io.PrintStream;

/** Where the run tells the operator what it does: a line at a time. */
final class Console {

  private final PrintStream out;
  private final String prefix;

  Console(PrintStream out) {
    this(out, "");
  }

  /** Every line starts with {@code prefix}: which part of a spread run said it. */
  Console(PrintStream out, String prefix) {
    this.out = out;
    this.prefix = prefix;
  }

  void say(String format, Object... arguments) {
    out.println(prefix + String.format(format, arguments));
    out.flush();
  }
}
