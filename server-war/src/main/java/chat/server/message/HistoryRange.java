package chat.server.message;

import chat.server.error.ChatException;

/**
 * Which part of a channel's history a request asks for: after a seq (a gap being filled), after an id
 * (and before one), or the newest before an id, or the newest. A seq and an id do not mix: their
 * orders agree within a channel, but a range bounded by both would say nothing clearer than either.
 */
public record HistoryRange(Long before, Long after, Long afterSeq) {

  public HistoryRange {
    if (afterSeq != null && (before != null || after != null)) {
      throw ChatException.invalid("afterSeq goes without before and after");
    }
  }

  /** As a {@code join_room} asks: after a seq, after an id, or the newest. */
  public static HistoryRange joining(Long afterSeq, Long after) {
    return afterSeq != null ? new HistoryRange(null, null, afterSeq) : new HistoryRange(null, after, null);
  }

  /** Everything after a point, rather than the newest page. */
  public boolean isCatchUp() {
    return after != null || afterSeq != null;
  }
}
