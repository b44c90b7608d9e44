package chat.server.message;

/**
 * A stored message as far as deleting it goes: its author, and its room or the two users of its
 * conversation (lower id first), who are the ones to tell.
 */
record Deletable(
    long id,
    long senderId,
    long roomId,
    String room,
    long lowId,
    String lowName,
    long highId,
    String highName) {}
