package chat.desktop.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line's inlines, as the browser's {@code format.js} reads them: code spans, links and emoji
 * first, from left to right, the first to start winning; then bold and italic in the text around them.
 * Nothing backtracks: each step moves forward through the line, so no line, however hostile, costs more
 * than a few passes over it.
 */
final class Inlines {

  /** Dropped from a link's end: punctuation that ends a sentence or a marker around the link. */
  private static final String TRAILING = ".,:;!?'*_]";
  private static final String ENDS_LINK = "<>\"`";
  private static final List<String> DELIMITERS = List.of("**", "*", "_");

  /**
   * A piece of the line: an atom (code span, link, emoji), a run of markers that may open or close
   * bold or italic ({@code delimiter} set), or text.
   */
  private record Piece(String text, Inline atom, String delimiter, boolean opens, boolean closes) {

    static Piece text(String text) {
      return new Piece(text, null, null, false, false);
    }

    static Piece atom(Inline atom) {
      return new Piece(null, atom, null, false, false);
    }

    boolean bold() {
      return "**".equals(delimiter);
    }
  }

  /** A run of backticks, and the index of the next run as long (the one that closes it), or -1. */
  private record BacktickRun(int start, int length, int next) {}

  private Inlines() {}

  static List<Inline> of(String line, Map<String, String> emoji) {
    List<Piece> pieces = atoms(line, emoji);
    return emphasis(pieces, closers(pieces), 0, pieces.size(), true, true);
  }

  private static List<Piece> atoms(String line, Map<String, String> emoji) {
    List<Piece> pieces = new ArrayList<>();
    List<BacktickRun> runs = backtickRuns(line);
    int run = 0;
    int plainFrom = 0;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '`') {
        while (runs.get(run).start() < i) {
          run++;
        }
        BacktickRun opening = runs.get(run);
        if (opening.next() == -1) {
          i += opening.length(); // no closing run of its length: the backticks stay text
          continue;
        }
        BacktickRun closing = runs.get(opening.next());
        markers(line, plainFrom, i, pieces);
        pieces.add(Piece.atom(new Inline.Code(line.substring(i + opening.length(), closing.start()))));
        i = plainFrom = closing.start() + closing.length();
        run = opening.next() + 1;
        continue;
      }
      int end = c == 'h' ? linkEnd(line, i) : c == ':' ? shortcodeEnd(line, i, emoji) : -1;
      if (end == -1) {
        i++;
        continue;
      }
      markers(line, plainFrom, i, pieces);
      pieces.add(Piece.atom(c == 'h' ? new Inline.Link(line.substring(i, end)) : emoji(line.substring(i + 1, end - 1), emoji)));
      i = plainFrom = end;
    }
    markers(line, plainFrom, line.length(), pieces);
    return pieces;
  }

  private static Inline emoji(String name, Map<String, String> emoji) {
    return new Inline.Emoji(emoji.get(name), name);
  }

  private static List<BacktickRun> backtickRuns(String line) {
    List<int[]> found = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '`') {
        int start = i;
        while (i + 1 < line.length() && line.charAt(i + 1) == '`') {
          i++;
        }
        found.add(new int[] {start, i - start + 1});
      }
    }
    BacktickRun[] runs = new BacktickRun[found.size()];
    Map<Integer, Integer> latest = new HashMap<>();
    for (int r = found.size() - 1; r >= 0; r--) {
      int length = found.get(r)[1];
      runs[r] = new BacktickRun(found.get(r)[0], length, latest.getOrDefault(length, -1));
      latest.put(length, r);
    }
    return List.of(runs);
  }

  /**
   * Where a link that starts at {@code i} ends, or -1: http:// or https:// (in lower case) at the start
   * of the line or after a character that is not a letter or digit, up to a space, a control or format
   * character, {@code < > "} or a backtick; without the punctuation at its end, and without a ) it did
   * not open.
   */
  private static int linkEnd(String line, int i) {
    int scheme = line.startsWith("https://", i) ? 8 : line.startsWith("http://", i) ? 7 : 0;
    if (scheme == 0 || (i > 0 && Character.isLetterOrDigit(Character.codePointBefore(line, i)))) {
      return -1;
    }
    int end = i + scheme;
    int unclosed = 0;
    while (end < line.length()) {
      int c = line.codePointAt(end);
      if (endsLink(c)) {
        break;
      }
      if (c == '(') {
        unclosed++;
      } else if (c == ')') {
        unclosed--;
      }
      end += Character.charCount(c);
    }
    while (end > i + scheme) {
      char last = line.charAt(end - 1);
      if (last == ')' && unclosed < 0) {
        unclosed++;
      } else if (TRAILING.indexOf(last) < 0) {
        break;
      }
      end--;
    }
    return end > i + scheme ? end : -1;
  }

  /** Where {@code :name:} that starts at {@code i} ends, or -1 when the name is not one of the emoji. */
  private static int shortcodeEnd(String line, int i, Map<String, String> emoji) {
    int end = i + 1;
    while (end < line.length() && isNameCharacter(line.charAt(end))) {
      end++;
    }
    if (end == i + 1 || end == line.length() || line.charAt(end) != ':' || !emoji.containsKey(line.substring(i + 1, end))) {
      return -1;
    }
    return end + 1;
  }

  /**
   * Text between atoms, with each run of markers that can be one as a delimiter: ** (bold), * or _
   * (italic). A longer run, or __, is text. A run opens when a non-space follows it and no letter or
   * digit comes right before it; it closes when a non-space comes before it and no letter or digit
   * follows it. So snake_case and 2*3*4 stay as they are.
   */
  private static void markers(String line, int from, int to, List<Piece> pieces) {
    int textFrom = from;
    int i = from;
    while (i < to) {
      char c = line.charAt(i);
      if (c != '*' && c != '_') {
        i++;
        continue;
      }
      int end = i;
      while (end < to && line.charAt(end) == c) {
        end++;
      }
      int length = end - i;
      if (length == 1 || (c == '*' && length == 2)) {
        if (i > textFrom) {
          pieces.add(Piece.text(line.substring(textFrom, i)));
        }
        int before = i == 0 ? -1 : Character.codePointBefore(line, i);
        int after = end == line.length() ? -1 : line.codePointAt(end);
        boolean opens = after != -1 && !isSpace(after) && (before == -1 || !Character.isLetterOrDigit(before));
        boolean closes = before != -1 && !isSpace(before) && (after == -1 || !Character.isLetterOrDigit(after));
        String run = line.substring(i, end);
        pieces.add(new Piece(run, null, run, opens, closes));
        textFrom = end;
      }
      i = end;
    }
    if (to > textFrom) {
      pieces.add(Piece.text(line.substring(textFrom, to)));
    }
  }

  /** For each delimiter and each piece, the index of the first piece from there that closes it. */
  private static Map<String, int[]> closers(List<Piece> pieces) {
    Map<String, int[]> next = new HashMap<>();
    for (String delimiter : DELIMITERS) {
      int[] at = new int[pieces.size() + 1];
      at[pieces.size()] = pieces.size();
      for (int i = pieces.size() - 1; i >= 0; i--) {
        Piece piece = pieces.get(i);
        at[i] = delimiter.equals(piece.delimiter()) && piece.closes() ? i : at[i + 1];
      }
      next.put(delimiter, at);
    }
    return next;
  }

  /**
   * Pieces {@code from..to} as inlines: an opening delimiter takes the first closing one of its own kind
   * before {@code to}, and what lies between is read again, with italic inside bold or bold inside
   * italic, never the same inside itself. A delimiter that pairs with none is text. Each piece is read
   * once.
   */
  private static List<Inline> emphasis(List<Piece> pieces, Map<String, int[]> next, int from, int to, boolean bold, boolean italic) {
    List<Inline> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      Piece piece = pieces.get(i);
      if (piece.delimiter() != null && piece.opens() && (piece.bold() ? bold : italic)) {
        int close = next.get(piece.delimiter())[i + 1];
        if (close < to) {
          flush(text, out);
          out.add(
              piece.bold()
                  ? new Inline.Bold(emphasis(pieces, next, i + 1, close, false, italic))
                  : new Inline.Italic(emphasis(pieces, next, i + 1, close, bold, false)));
          i = close;
          continue;
        }
      }
      if (piece.atom() != null) {
        flush(text, out);
        out.add(piece.atom());
      } else {
        text.append(piece.text());
      }
    }
    flush(text, out);
    return List.copyOf(out);
  }

  /** Adjacent text is one. */
  private static void flush(StringBuilder text, List<Inline> out) {
    if (!text.isEmpty()) {
      out.add(new Inline.Plain(text.toString()));
      text.setLength(0);
    }
  }

  private static boolean isSpace(int c) {
    return c == '\t' || Character.isSpaceChar(c);
  }

  private static boolean endsLink(int c) {
    int type = Character.getType(c);
    return isSpace(c) || type == Character.CONTROL || type == Character.FORMAT || ENDS_LINK.indexOf(c) >= 0;
  }

  private static boolean isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
  }
}
