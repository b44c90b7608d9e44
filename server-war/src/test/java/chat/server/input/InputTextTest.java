package chat.server.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.dto.ErrorCode;
import chat.server.error.ChatException;
import org.junit.jupiter.api.Test;

class InputTextTest {

  @Test
  void textAsPeopleWriteItPasses() {
    String text = "Grüße 👋🏽 from Zürich — 東京\tnext line\nand ‮ right-to-left";
    assertEquals(text, InputText.multiline("text", text));
    assertEquals("ann_1", InputText.plain("username", "ann_1"));
    assertNull(InputText.plain("clientId", null), "null is the caller's to judge");
  }

  @Test
  void messageTextMayBreakLinesButHoldsNoOtherControlCharacter() {
    for (char control : new char[] {'\u0000', '\u0007', '\r', '\u001b', '\u007f', '\u0085', '\u009b'}) {
      assertRefused("'text' must not hold control characters other than newlines and tabs", () -> InputText.multiline("text", "a" + control + "b"));
    }
  }

  @Test
  void aNameHoldsNoControlCharacterAtAll() {
    for (String value : new String[] {"a\nb", "a\tb", "\u0000"}) {
      assertRefused("'username' must not hold control characters", () -> InputText.plain("username", value));
    }
  }

  @Test
  void halfOfACharacterIsRefusedWhereverItIs() {
    String wave = "👋";
    for (String broken : new String[] {wave.substring(0, 1), wave.substring(1), "a" + wave.charAt(1) + wave.charAt(0), wave.charAt(0) + "b"}) {
      assertRefused("'text' holds half of a character (a lone surrogate)", () -> InputText.multiline("text", broken));
    }
  }

  private static void assertRefused(String why, Runnable check) {
    ChatException refused = assertThrows(ChatException.class, check::run);
    assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
    assertEquals(why, refused.getMessage());
  }
}
