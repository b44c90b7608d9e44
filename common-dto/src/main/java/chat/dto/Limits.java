package chat.dto;

import java.util.Map;

/**
 * The numbers a client needs from the server it talks to, announced in {@code welcome} (and by
 * {@code GET /api/limits}) so that no client repeats them: the most characters in a message, the size
 * of a history page when none is asked for (and of {@code room_joined}'s history), the largest page one
 * may ask for, and the rate limits by action.
 */
public record Limits(int maxText, int historyPage, int maxHistoryPage, Map<String, Rate> rates) {}
