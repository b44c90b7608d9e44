package chat.dto;

/** One JSON object in one WebSocket text frame; the two directions have their own vocabularies. */
public sealed interface Frame permits ClientFrame, ServerFrame {}
