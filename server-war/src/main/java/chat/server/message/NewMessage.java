package chat.server.message;

import chat.dto.Reply;
import chat.dto.SharedFile;
import chat.dto.User;
import java.util.List;

/**
 * A message a user sent and that is not stored yet; {@code clientId} may be null, and so may
 * {@code replyTo}, what it answers; {@code files} are the uploads it carries, empty for none.
 */
record NewMessage(Destination destination, User sender, String text, String clientId, Reply replyTo, List<SharedFile> files) {

  NewMessage {
    files = List.copyOf(files);
  }
}
