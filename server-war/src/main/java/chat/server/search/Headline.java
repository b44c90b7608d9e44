package chat.server.search;

import chat.dto.SearchResults.Piece;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a message's text a result shows: PostgreSQL marks every word found (between {@link #START}
 * and {@link #STOP}, control characters no stored text can hold, see InputText), and this cuts a window
 * of at most {@link #LENGTH} characters that begins a little before the first of them, in pieces.
 */
final class Headline {

  static final char START = '\u0002';
  static final char STOP = '\u0003';

  /** What a result shows of a long text: about two lines of a results list. */
  static final int LENGTH = 160;

  /** How much of the text before the first word found stays, so that it reads in its context. */
  private static final int BEFORE = 40;

  private static final String CUT = "…";

  private Headline() {}

  /** The pieces of {@code marked} (the whole text, its words found marked) around its first match. */
  static List<Piece> of(String marked) {
    String text = marked.replace(String.valueOf(START), "").replace(String.valueOf(STOP), "");
    int first = marked.indexOf(START);
    int from = first <= BEFORE ? 0 : wordStart(text, first - BEFORE);
    int to = Math.min(text.length(), from + LENGTH);
    if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
      to--;
    }
    List<Piece> pieces = new ArrayList<>();
    if (from > 0) {
      pieces.add(new Piece(CUT, null));
    }
    // Walk the marked text, keeping the plain position in step with it, and keep what falls in the window.
    StringBuilder piece = new StringBuilder();
    boolean match = false;
    int plain = 0;
    for (int i = 0; i < marked.length() && plain < to; i++) {
      char c = marked.charAt(i);
      if (c == START || c == STOP) {
        add(pieces, piece, match);
        match = c == START;
      } else {
        if (plain >= from) {
          piece.append(c);
        }
        plain++;
      }
    }
    add(pieces, piece, match);
    if (to < text.length()) {
      pieces.add(new Piece(CUT, null));
    }
    return pieces;
  }

  /** The first word's start at or after {@code at}, so that a window does not open mid-word. */
  private static int wordStart(String text, int at) {
    for (int i = at; i < Math.min(text.length(), at + BEFORE); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return Character.isLowSurrogate(text.charAt(at)) ? at + 1 : at;
  }

  private static void add(List<Piece> pieces, StringBuilder piece, boolean match) {
    if (!piece.isEmpty()) {
      pieces.add(new Piece(piece.toString(), match ? true : null));
      piece.setLength(0);
    }
  }
}
