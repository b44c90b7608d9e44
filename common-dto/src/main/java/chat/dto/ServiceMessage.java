package chat.dto;

/** {@code POST /api/s2s/rooms/{name}/messages}: a service's message, idempotent by {@code clientId}. */
public record ServiceMessage(String text, String clientId) {}
