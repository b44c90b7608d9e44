package chat.dto;

/**
 * One of a user's channels as their account has it: a room they are a member of ({@code room}) or a
 * conversation ({@code with}, the other user). {@code readSeq} is their read marker, {@code unread} and
 * {@code mentions} what came after it (counted up to a cap), {@code lastSeq} the channel's last seq.
 */
public record ChannelState(
    String room, User with, long lastSeq, long readSeq, int unread, int mentions, boolean muted) {}
