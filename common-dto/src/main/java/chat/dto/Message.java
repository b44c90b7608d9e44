package chat.dto;

import java.time.Instant;

/**
 * A stored message. A room message names its {@code room}, a direct message names its recipient in
 * {@code to}; {@code clientId} is the sender's own key for it, echoed so a sender can match its
 * acknowledgement.
 */
public record Message(
    long id, String room, String to, User from, String text, Instant sentAt, String clientId) {}
