package chat.desktop.chat;

import chat.client.Channel;
import chat.dto.Message;
import java.util.List;

/** What a conversation asks of the server. */
public interface ChatActions {

  /** Sends {@code text}; returns the clientId its acknowledgement or refusal will carry. */
  String send(Channel channel, String text);

  /** Up to {@link ChatViewModel#PAGE} messages before {@code beforeId} (the newest when null), ascending. */
  List<Message> history(Channel channel, Long beforeId);

  void delete(long messageId);
}
