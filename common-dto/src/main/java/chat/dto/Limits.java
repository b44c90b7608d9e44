package chat.dto;

/**
 * The numbers a client needs from the server it talks to, announced in {@code welcome} so that no client
 * repeats them: the most characters in a message, the size of a history page when none is asked for
 * (and of {@code room_joined}'s history), and the largest page one may ask for.
 */
public record Limits(int maxText, int historyPage, int maxHistoryPage) {}
