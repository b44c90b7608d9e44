package chat.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.SearchResults.Piece;
import chat.server.error.ChatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineTest {

  private static final String S = String.valueOf(Headline.START);
  private static final String E = String.valueOf(Headline.STOP);

  @Test
  void cutsAShortTextIntoPiecesWithItsMatchesMarked() {
    assertEquals(
        List.of(new Piece("the ", null), new Piece("fox", true), new Piece(" and the ", null), new Piece("FOX", true)),
        Headline.of("the " + S + "fox" + E + " and the " + S + "FOX" + E));
  }

  @Test
  void opensALongTextALittleBeforeItsFirstMatchAndSaysWhereItIsCut() {
    String before = "word ".repeat(100);
    String after = " tail".repeat(100);
    List<Piece> pieces = Headline.of(before + S + "needle" + E + after);
    assertEquals(new Piece("…", null), pieces.get(0));
    assertEquals(new Piece("needle", true), pieces.get(2));
    assertTrue(pieces.get(1).text().startsWith("word ") && pieces.get(1).text().length() <= 40, pieces.get(1).text());
    assertEquals(new Piece("…", null), pieces.get(pieces.size() - 1));
    int shown = pieces.subList(1, pieces.size() - 1).stream().mapToInt(piece -> piece.text().length()).sum();
    assertEquals(Headline.LENGTH, shown);
  }

  @Test
  void neverCutsACharacterInHalf() {
    String emoji = "\uD83D\uDC4D";
    String text = emoji.repeat(200);
    List<Piece> pieces = Headline.of(S + "x" + E + text);
    String shown = pieces.get(1).text();
    assertTrue(!Character.isHighSurrogate(shown.charAt(shown.length() - 1)), "ends on a whole character");
  }

  @Test
  void aCursorGoesRoundAndAnythingElseIsRefused() {
    SearchCursor cursor = new SearchCursor(0.0607927f, 123456789L);
    assertEquals(cursor, SearchCursor.decode(cursor.encode()));
    for (String bad : List.of("x", "-1", "1-", "zz-1", "7fc00000-1", "3f800000-0", "1-10000000000000000", "123456789-1")) {
      assertThrows(ChatException.class, () -> SearchCursor.decode(bad), bad);
    }
  }
}
