package chat.bots;

import java.util.Optional;

/**
 * A bot's message text: which run, who sent it (user and sequence number) and when (epoch
 * microseconds), padded to the scenario's size. Receivers read the figures from it, so no clock needs
 * sharing but the machine's, and messages of an earlier run in a reused room are told apart.
 */
public record Payload(String run, int sender, long sequence, long sentMicros) {

  private static final String MARK = "bot ";
  /** The longest header: the mark, a run id of up to 12 characters, three numbers, separators. */
  static final int MIN_SIZE = MARK.length() + 12 + 1 + 10 + 1 + 19 + 1 + 19 + 1;

  public String text(int size) {
    StringBuilder text = new StringBuilder(size).append(MARK).append(run).append(' ').append(sender).append(' ')
        .append(sequence).append(' ').append(sentMicros).append(' ');
    while (text.length() < size) {
      text.append('x');
    }
    return text.toString();
  }

  /** The payload of a message of run {@code run}; empty for anything else. */
  public static Optional<Payload> of(String text, String run) {
    if (text == null || !text.startsWith(MARK + run + " ")) {
      return Optional.empty();
    }
    String[] parts = text.substring(MARK.length() + run.length() + 1).split(" ", 4);
    try {
      return Optional.of(
          new Payload(run, Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
    } catch (RuntimeException notOurs) {
      return Optional.empty();
    }
  }
}
