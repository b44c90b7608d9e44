package chat.server.message;

/** A sender's own key for a message: sent again, it names the message already stored. */
record ClientKey(long senderId, String clientId) {}
