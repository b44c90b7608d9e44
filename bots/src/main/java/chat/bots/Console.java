package chat.bots;

import java.io.PrintStream;

/** Where the run tells the operator what it does: a line at a time. */
final class Console {

  private final PrintStream out;

  Console(PrintStream out) {
    this.out = out;
  }

  void say(String format, Object... arguments) {
    out.println(String.format(format, arguments));
    out.flush();
  }
}
