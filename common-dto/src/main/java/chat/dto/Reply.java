package chat.dto;

/**
 * What a reply answers, as the original is when the reply is read: its first {@link #EXCERPT}
 * characters, or, once it was deleted, {@code deleted} true and no text.
 */
public record Reply(long id, long seq, User from, String text, Boolean deleted) {

  /** The characters of the original a reply carries: enough to recognise it, bounded whatever it is. */
  public static final int EXCERPT = 200;

  /** What a reply carries once the original is deleted. */
  public Reply asDeleted() {
    return new Reply(id, seq, from, null, true);
  }
}
