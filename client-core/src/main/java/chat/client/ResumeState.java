package chat.client;

import chat.dto.ClientFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a connection remembers from one socket to the next so that a reconnect misses nothing and
 * repeats nothing: the rooms it is in, the last message id seen in each room and conversation, and the
 * sends not yet acknowledged. Not thread-safe: the connection's event loop owns it.
 */
final class ResumeState {

  /** The rooms to rejoin, by {@link ChatNames#key}, as the user spelled them. */
  private final Map<String, String> rooms = new LinkedHashMap<>();
  private final Map<Channel, RecentIds> seen = new HashMap<>();
  private final Map<String, ClientFrame> unacknowledged = new LinkedHashMap<>();

  void joined(String room) {
    rooms.put(ChatNames.key(room), room);
  }

  /** A room left is forgotten: joining it again later starts from its newest messages. */
  void left(String room) {
    rooms.remove(ChatNames.key(room));
    seen.remove(Channel.room(room));
  }

  /**
   * Records message {@code id} in {@code channel} and says whether it is new: not one of the channel's
   * recent ids, even if a later one came first ({@link RecentIds}).
   */
  boolean see(Channel channel, long id) {
    return seen.computeIfAbsent(channel, c -> new RecentIds()).add(id);
  }

  /**
   * The id a new socket resumes the channel after: a little below the highest seen, so that a message
   * overtaken just before the old socket dropped still comes ({@link RecentIds#resumeAfter}); null
   * before the first message.
   */
  Long resumeAfter(Channel channel) {
    RecentIds ids = seen.get(channel);
    return ids == null ? null : ids.resumeAfter();
  }

  void sending(String clientId, ClientFrame frame) {
    unacknowledged.put(clientId, frame);
  }

  /** The send with this clientId got its answer (stored or refused); true when it was still waiting. */
  boolean answered(String clientId) {
    return clientId != null && unacknowledged.remove(clientId) != null;
  }

  /**
   * What a new socket sends first: a join per room with the last id seen in it, then every send still
   * unacknowledged, under its original clientId so the server stores none twice. Joins come first
   * because the server takes a socket's frames in order, and a message needs its room joined.
   */
  List<ClientFrame> resumeFrames() {
    List<ClientFrame> frames = new ArrayList<>();
    for (String room : rooms.values()) {
      frames.add(new ClientFrame.JoinRoom(room, resumeAfter(Channel.room(room))));
    }
    frames.addAll(unacknowledged.values());
    return frames;
  }

  /** The conversations to catch up on over REST after a reconnect: those with a message seen. */
  List<Channel.DirectChannel> conversations() {
    return seen.keySet().stream()
        .filter(Channel.DirectChannel.class::isInstance)
        .map(Channel.DirectChannel.class::cast)
        .toList();
  }
}
