package chat.server.message;

import chat.dto.User;

/** A message a user sent to a room and that is not stored yet; {@code clientId} may be null. */
record NewMessage(long roomId, String roomName, User sender, String text, String clientId) {}
