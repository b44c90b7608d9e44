package chat.server.message;

import chat.dto.Message;

/**
 * A message once stored. {@code repeat} is true when the sender had already sent this {@code clientId}:
 * the message is the original.
 */
record Posted(Message message, boolean repeat) {}
