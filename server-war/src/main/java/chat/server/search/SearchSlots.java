package chat.server.search;

import chat.dto.ErrorCode;
import chat.server.error.ChatException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The few searches a node runs at once, whoever asks them: each can hold a connection of the pool and
 * a database core for up to the statement timeout, and many users searching at once must not take the
 * connections that messages are stored with. One past them is refused at once, never queued.
 */
final class SearchSlots {

  private final Semaphore free;

  SearchSlots(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("chat.search.concurrent is at least 1, not " + slots);
    }
    this.free = new Semaphore(slots);
  }

  /** Runs the search in a free slot, or answers {@code unavailable} when every slot is taken. */
  <T> T run(Supplier<T> search) {
    if (!free.tryAcquire()) {
      throw new ChatException(ErrorCode.UNAVAILABLE, "searches are busy on this node: try again in a moment");
    }
    try {
      return search.get();
    } finally {
      free.release();
    }
  }
}
