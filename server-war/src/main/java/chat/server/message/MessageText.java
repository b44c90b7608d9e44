package chat.server.message;

import chat.dto.ErrorCode;
import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import chat.server.input.InputText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The rules a message's text keeps, new or edited: some text, of at most {@code maxText} characters. */
@ApplicationScoped
class MessageText {

  private int maxText;

  protected MessageText() {}

  @Inject
  MessageText(ChatConfig config) {
    this.maxText = config.maxTextLength();
  }

  int maxText() {
    return maxText;
  }

  void check(String text) {
    check(text, false);
  }

  /** As {@link #check(String)}; a message that carries files may have no text. */
  void check(String text, boolean carriesFiles) {
    InputText.multiline("text", text);
    if ((text == null || text.isBlank()) && !carriesFiles) {
      throw ChatException.invalid("a message needs some text");
    }
    if (text == null) {
      return;
    }
    if (text.codePointCount(0, text.length()) > maxText) {
      throw new ChatException(ErrorCode.PAYLOAD_TOO_LARGE, "a message is at most " + maxText + " characters");
    }
  }
}
