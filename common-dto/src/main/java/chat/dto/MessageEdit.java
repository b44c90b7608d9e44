package chat.dto;

/** {@code PATCH /api/messages/{id}}: the message's new text. */
public record MessageEdit(String text) {}
