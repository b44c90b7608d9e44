package chat.server.socket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A socket's live frames for the rooms whose history it is loading: held back until the history has
 * gone, then released minus what the history already holds, so there is no gap and no duplicate
 * between the two. Not thread-safe: its socket guards it.
 */
final class JoinHoldBack {

  private record HeldFrame(long messageId, String frame) {}

  /** Allocated on the first join: most sockets are joining nothing most of the time. */
  private Map<Long, List<HeldFrame>> joining;

  /** From now until {@link #release}, frames for this room are held back. */
  void start(long roomId) {
    if (joining == null) {
      joining = new HashMap<>(2);
    }
    joining.put(roomId, new ArrayList<>());
  }

  /** Holds the frame if its room is being joined; false when it may go out now. */
  boolean hold(long roomId, long messageId, String frame) {
    List<HeldFrame> held = joining == null ? null : joining.get(roomId);
    if (held == null) {
      return false;
    }
    held.add(new HeldFrame(messageId, frame));
    return true;
  }

  /**
   * Ends the room's hold: the frames held back, in order, but for messages the history held
   * ({@code lastHistoryId} and below); frames that carry no message all go.
   */
  List<String> release(long roomId, long lastHistoryId) {
    List<HeldFrame> held = end(roomId);
    List<String> frames = new ArrayList<>(held.size());
    for (HeldFrame frame : held) {
      if (frame.messageId() == 0 || frame.messageId() > lastHistoryId) {
        frames.add(frame.frame());
      }
    }
    return frames;
  }

  /** Ends the room's hold; what was held back goes with it (the join failed). */
  void drop(long roomId) {
    end(roomId);
  }

  private List<HeldFrame> end(long roomId) {
    List<HeldFrame> held = joining == null ? null : joining.remove(roomId);
    if (joining != null && joining.isEmpty()) {
      joining = null;
    }
    return held == null ? List.of() : held;
  }
}
