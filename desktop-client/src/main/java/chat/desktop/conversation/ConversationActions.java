package chat.desktop.conversation;

import chat.client.Channel;
import chat.dto.Message;
import java.util.List;
import java.util.OptionalInt;

/** What a conversation asks of the server. */
public interface ConversationActions {

  /** Sends {@code text}; returns the clientId its acknowledgement or refusal will carry. */
  String send(Channel channel, String text);

  /** The server's page of messages before {@code beforeId} (the newest when null), ascending. */
  List<Message> history(Channel channel, Long beforeId);

  /** How many messages the server puts in a page, as its welcome said; empty before the first welcome. */
  OptionalInt historyPage();

  void delete(long messageId);

  /** Tells every device of the user's that the channel is read up to {@code seq}. */
  void markRead(Channel channel, long seq);

  /** Tells the others in the channel that the user is typing. */
  void typing(Channel channel);

  /** Mutes or unmutes the channel on every device of the user's. */
  void mute(Channel channel, boolean muted);
}
