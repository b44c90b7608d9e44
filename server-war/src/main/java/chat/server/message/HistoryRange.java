package chat.server.message;

import chat.server.error.ChatException;

/**
 * Which part of a channel's history a request asks for: after a seq (a gap being filled), after an id
 * (and before one), or the newest before an id, or the newest. A seq and an id do not mix: their
 * orders agree within a channel, but a range bounded by both would say nothing clearer than either.
 * {@code changes} asks a catch-up after a seq for the changes since as well (docs/protocol.md, "Working
 * with messages"): a client that does not ask gets the messages sent since, as before, in seq order
 * and without tombstones, which it would not know what to do with.
 */
public record HistoryRange(Long before, Long after, Long afterSeq, boolean changes) {

  public HistoryRange {
    if (afterSeq != null && (before != null || after != null)) {
      throw ChatException.invalid("afterSeq goes without before and after");
    }
  }

  /** As a {@code join_room} asks: after a seq, after an id, or the newest. */
  public static HistoryRange joining(Long afterSeq, Long after, Boolean changes) {
    return afterSeq != null
        ? new HistoryRange(null, null, afterSeq, Boolean.TRUE.equals(changes))
        : new HistoryRange(null, after, null, false);
  }

  /** Everything after a point, rather than the newest page. */
  public boolean isCatchUp() {
    return after != null || afterSeq != null;
  }
}
