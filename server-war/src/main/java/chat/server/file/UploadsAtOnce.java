package chat.server.file;

import chat.server.ratelimit.RateLimited;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The uploads one user runs at once on a node: each holds a request thread while it streams, so a user
 * opening many slow ones would take them from everyone. One past the limit is refused at once.
 */
final class UploadsAtOnce {

  private final int most;
  private final ConcurrentMap<Long, Integer> running = new ConcurrentHashMap<>();

  UploadsAtOnce(int most) {
    this.most = most;
  }

  <T> T run(long userId, Supplier<T> upload) {
    boolean[] taken = {false};
    running.compute(
        userId,
        (id, count) -> {
          int now = count == null ? 0 : count;
          if (now >= most) {
            return count;
          }
          taken[0] = true;
          return now + 1;
        });
    if (!taken[0]) {
      throw new RateLimited("at most " + most + " uploads at once", 1);
    }
    try {
      return upload.get();
    } finally {
      running.computeIfPresent(userId, (id, count) -> count == 1 ? null : count - 1);
    }
  }
}
