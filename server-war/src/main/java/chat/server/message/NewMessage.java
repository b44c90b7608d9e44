package chat.server.message;

import chat.dto.Reply;
import chat.dto.User;

/**
 * A message a user sent and that is not stored yet; {@code clientId} may be null, and so may
 * {@code replyTo}, what it answers.
 */
record NewMessage(Destination destination, User sender, String text, String clientId, Reply replyTo) {}
