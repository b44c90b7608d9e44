package chat.dto;

/** A rate limit: at most {@code count} actions per {@code seconds}, per {@code per} ("user" or "address"). */
public record Rate(int count, long seconds, String per) {}
