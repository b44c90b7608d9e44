package chat.server.message;

import chat.dto.User;

/** A message a user sent and that is not stored yet; {@code clientId} may be null. */
record NewMessage(Destination destination, User sender, String text, String clientId) {}
