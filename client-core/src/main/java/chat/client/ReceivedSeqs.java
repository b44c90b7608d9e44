package chat.client;

import java.util.TreeSet;

/**
 * The seqs one channel has delivered: every one up to {@link #through()}, and those received beyond it
 * while one before them is missing. Messages from different nodes reach a socket in any order, so a
 * number beyond the next is a gap for now, not a loss: it may be on its way, deleted, or lost (a node
 * died after storing it); the connection waits, then fills what is still missing over REST.
 */
final class ReceivedSeqs {

  private long through;
  /** Received beyond {@code through + 1}; empty when nothing is missing. */
  private final TreeSet<Long> beyond = new TreeSet<>();

  ReceivedSeqs(long through) {
    this.through = through;
  }

  /** Records {@code seq}; true when it was not received before. */
  boolean add(long seq) {
    if (seq <= through) {
      return false;
    }
    if (seq == through + 1) {
      through = seq;
      absorb();
      return true;
    }
    return beyond.add(seq);
  }

  /**
   * Says that everything up to {@code seq} that will ever come has come: a catch-up or a page after a
   * seq is complete up to its last message, and the numbers it skipped are deleted messages or those of
   * blocked users.
   */
  void completeThrough(long seq) {
    if (seq <= through) {
      return;
    }
    through = seq;
    beyond.headSet(seq, true).clear();
    absorb();
  }

  /** The highest seq below which this channel has every message. */
  long through() {
    return through;
  }

  /** The highest seq received. */
  long highest() {
    return beyond.isEmpty() ? through : beyond.last();
  }

  boolean hasGap() {
    return !beyond.isEmpty();
  }

  private void absorb() {
    while (!beyond.isEmpty() && beyond.first() == through + 1) {
      through = beyond.pollFirst();
    }
  }
}
