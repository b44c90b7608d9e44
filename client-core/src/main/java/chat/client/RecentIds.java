package chat.client;

import java.util.Arrays;

/**
 * The message ids one channel has delivered lately. Ids are stored in commit order,
 * but messages from different nodes reach a socket in any order: a message may be overtaken by a later
 * one, and must still count as new when it arrives. So a repeat is an id among the recent ones (a
 * catch-up page overlapping live frames, an acknowledgement answered twice), not any id below the
 * highest. An id older than every one remembered is taken for a repeat: it would be hundreds of
 * messages late.
 */
final class RecentIds {

  static final int REMEMBERED = 512;
  /**
   * How many of the newest ids a new socket asks for again: a message overtaken just before the old
   * socket dropped comes then, and the repeats are dropped here.
   */
  static final int RESUME_OVERLAP = 32;

  /** Ascending; the first {@code size} are in use. */
  private long[] ids = new long[16];
  private int size;

  /** Records {@code id}; true when it was not seen before. */
  boolean add(long id) {
    int at = Arrays.binarySearch(ids, 0, size, id);
    if (at >= 0) {
      return false;
    }
    int insertion = -at - 1;
    if (size == REMEMBERED) {
      if (insertion == 0) {
        return false;
      }
      System.arraycopy(ids, 1, ids, 0, insertion - 1);
      ids[insertion - 1] = id;
      return true;
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, Math.min(REMEMBERED, size * 2));
    }
    System.arraycopy(ids, insertion, ids, insertion + 1, size - insertion);
    ids[insertion] = id;
    size++;
    return true;
  }

  /**
   * The id a new socket resumes after: the {@link #RESUME_OVERLAP}-th newest, or the oldest
   * remembered when there are fewer.
   */
  long resumeAfter() {
    return ids[Math.max(0, size - RESUME_OVERLAP)];
  }
}
