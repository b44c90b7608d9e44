package chat.desktop.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message's text into blocks by the conventions of docs/protocol.md ("Text as chats write
 * it"), the same rules as the browser's {@code format.js}: a code block between two lines of three
 * backticks, runs of "> ", "- " and "1. " lines, and every other line a line of its own, each read for
 * its inlines by {@link Inlines}.
 */
public final class Conventions {

  private static final String FENCE = "```";
  private static final Pattern NUMBERED = Pattern.compile("([0-9]{1,9})\\. ");

  private Conventions() {}

  /** {@code emoji}: shortcode name to emoji (GET /api/emoji); a name it lacks stays text. */
  public static List<Block> parse(String text, Map<String, String> emoji) {
    List<String> lines = Arrays.stream(text.split("\n", -1)).map(Conventions::withoutCarriageReturn).toList();
    int[] nextFence = fencesAfter(lines);
    List<Block> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.equals(FENCE) && nextFence[i] != -1) {
        blocks.add(new Block.CodeBlock(String.join("\n", lines.subList(i + 1, nextFence[i]))));
        i = nextFence[i] + 1;
      } else if (line.startsWith("> ")) {
        int end = endOfRun(lines, i, l -> l.startsWith("> "));
        blocks.add(new Block.Quote(lines.subList(i, end).stream().map(l -> Inlines.of(l.substring(2), emoji)).toList()));
        i = end;
      } else if (line.startsWith("- ")) {
        int end = endOfRun(lines, i, l -> l.startsWith("- "));
        blocks.add(new Block.Bullets(lines.subList(i, end).stream().map(l -> Inlines.of(l.substring(2), emoji)).toList()));
        i = end;
      } else if (NUMBERED.matcher(line).lookingAt()) {
        int end = endOfRun(lines, i, l -> NUMBERED.matcher(l).lookingAt());
        blocks.add(new Block.Numbered(lines.subList(i, end).stream().map(l -> item(l, emoji)).toList()));
        i = end;
      } else {
        blocks.add(new Block.Line(Inlines.of(line, emoji)));
        i++;
      }
    }
    return List.copyOf(blocks);
  }

  private static String withoutCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** For each line, the index of the next line that is a fence, or -1. */
  private static int[] fencesAfter(List<String> lines) {
    int[] next = new int[lines.size()];
    next[lines.size() - 1] = -1;
    for (int i = lines.size() - 2; i >= 0; i--) {
      next[i] = lines.get(i + 1).equals(FENCE) ? i + 1 : next[i + 1];
    }
    return next;
  }

  private static int endOfRun(List<String> lines, int from, Predicate<String> belongs) {
    int end = from;
    while (end < lines.size() && belongs.test(lines.get(end))) {
      end++;
    }
    return end;
  }

  private static Block.Numbered.Item item(String line, Map<String, String> emoji) {
    Matcher number = NUMBERED.matcher(line);
    number.lookingAt();
    return new Block.Numbered.Item(Integer.parseInt(number.group(1)), Inlines.of(line.substring(number.end()), emoji));
  }
}
