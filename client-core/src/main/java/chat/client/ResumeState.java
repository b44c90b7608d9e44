package chat.client;

import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ServerFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a connection remembers from one socket to the next so that a reconnect misses nothing and
 * repeats nothing: the rooms it is in, the seqs received in each room and conversation, and the sends
 * not yet acknowledged. Not thread-safe: the connection's event loop owns it.
 */
final class ResumeState {

  /** The rooms to rejoin, by {@link ChatNames#key}, as the user spelled them. */
  private final Map<String, String> rooms = new LinkedHashMap<>();
  /** The keys of the rooms the server has answered a join of: the user's membership is on record. */
  private final Set<String> joinedOnce = new HashSet<>();
  private final Map<Channel, ReceivedSeqs> received = new HashMap<>();
  private final Map<String, ClientFrame> unacknowledged = new LinkedHashMap<>();

  void joined(String room) {
    rooms.put(ChatNames.key(room), room);
  }

  /** A room left is forgotten: joining it again later starts from its newest messages. */
  void left(String room) {
    rooms.remove(ChatNames.key(room));
    joinedOnce.remove(ChatNames.key(room));
    received.remove(Channel.room(room));
  }

  /** The server answered a join of {@code room}: the user is a member of it. */
  void answeredJoin(String room) {
    joinedOnce.add(ChatNames.key(room));
  }

  /**
   * The rooms the server says the user is a member of as a socket opens ({@code welcome.rooms}): a room
   * joined here before but not listed was left on another device meanwhile and is forgotten; a room
   * listed but not here is joined (the user joined it elsewhere, or this is the first socket). A join
   * not answered yet stays: it may be one the user just made. Answers the rooms forgotten.
   */
  List<String> memberOf(List<String> listed) {
    Set<String> keys = new HashSet<>();
    listed.forEach(room -> keys.add(ChatNames.key(room)));
    List<String> forgotten = new ArrayList<>();
    for (String room : List.copyOf(rooms.values())) {
      if (joinedOnce.contains(ChatNames.key(room)) && !keys.contains(ChatNames.key(room))) {
        left(room);
        forgotten.add(room);
      }
    }
    listed.stream().filter(room -> !isIn(room)).forEach(this::joined);
    return forgotten;
  }

  /** What a message received tells its channel. */
  enum Seen {
    /** Its seq is new here: a message to show (a tombstone shows nothing). */
    NEW,
    /** Its seq was here and the number of its latest change was not: the message changed. */
    CHANGED,
    /** Both of its numbers were here: a repeat. */
    NOTHING_NEW
  }

  /**
   * Records both numbers of {@code message} in {@code channel}: its seq and its latest change's. The
   * first message of a channel this client knew nothing of starts it, at its own seq: what came before
   * is history, not a gap, and the message is news even when a change to it came first (a new
   * message's edit overtaking it from another node).
   */
  Seen see(Channel channel, Message message) {
    ReceivedSeqs seqs = received.computeIfAbsent(channel, c -> new ReceivedSeqs(message.seq() - 1));
    boolean fresh = seqs.add(message.seq());
    boolean changed = message.changedSeq() != null && seqs.add(message.changedSeq());
    return fresh ? Seen.NEW : changed ? Seen.CHANGED : Seen.NOTHING_NEW;
  }

  /**
   * A page of history begins a channel this client knew nothing of at the page's first seq: a message
   * of it changed after the later ones were sent carries a higher number, which must not start it.
   */
  void beginAt(Channel channel, List<Message> page) {
    page.stream().mapToLong(Message::seq).min().ifPresent(first -> received.putIfAbsent(channel, new ReceivedSeqs(first - 1)));
  }

  /** Records a number that no message carries (a deletion's); true when it is new here. */
  boolean seeChange(Channel channel, long seq) {
    return received.computeIfAbsent(channel, c -> new ReceivedSeqs(seq - 1)).add(seq);
  }

  /** Everything in {@code channel} up to {@code seq} has come that ever will ({@link ReceivedSeqs}). */
  void completeThrough(Channel channel, long seq) {
    received.computeIfAbsent(channel, c -> new ReceivedSeqs(seq)).completeThrough(seq);
  }

  /** The seq a new socket resumes the channel after, the highest with none missing below; null if none. */
  Long resumeSeq(Channel channel) {
    ReceivedSeqs seqs = received.get(channel);
    return seqs == null ? null : seqs.through();
  }

  /** The highest seq received in the channel; null before the first. */
  Long highestSeq(Channel channel) {
    ReceivedSeqs seqs = received.get(channel);
    return seqs == null ? null : seqs.highest();
  }

  boolean hasGap(Channel channel) {
    ReceivedSeqs seqs = received.get(channel);
    return seqs != null && seqs.hasGap();
  }

  void sending(String clientId, ClientFrame frame) {
    unacknowledged.put(clientId, frame);
  }

  /** The send with this clientId if it still waits for its answer; null otherwise. */
  ClientFrame waiting(String clientId) {
    return clientId == null ? null : unacknowledged.get(clientId);
  }

  /** The send with this clientId got its answer (stored or refused); true when it was still waiting. */
  boolean answered(String clientId) {
    return clientId != null && unacknowledged.remove(clientId) != null;
  }

  /**
   * What a new socket sends first: a join per room from the seq it has everything up to, then every send
   * still unacknowledged, under its original clientId so the server stores none twice. Joins come first
   * because the server takes a socket's frames in order, and a message needs its room joined.
   */
  List<ClientFrame> resumeFrames() {
    List<ClientFrame> frames = new ArrayList<>();
    for (String room : rooms.values()) {
      frames.add(joinFrame(room));
    }
    frames.addAll(unacknowledged.values());
    return frames;
  }

  /** What an {@code unavailable} answer asks of the connection (docs/protocol.md, Errors). */
  enum Unavailable {
    /** A send still waiting: it goes again under its clientId. */
    SEND_AGAIN,
    /** A join of a room the user is still in: it goes again. */
    JOIN_AGAIN,
    /**
     * A send answered already: this is the late answer to an earlier copy of it, whose write timed out
     * while the message was stored all the same (a later copy's, or its own, once the database was back).
     */
    ANSWERED_BEFORE,
    /** Anything else: the user is told. */
    TELL
  }

  Unavailable unavailable(ServerFrame.RequestFailed failed) {
    Optional<String> join = failed.refusedJoin();
    if (join.isPresent()) {
      return isIn(join.get()) ? Unavailable.JOIN_AGAIN : Unavailable.TELL;
    }
    if (failed.ref() == null) {
      return Unavailable.TELL;
    }
    return waiting(failed.ref()) != null ? Unavailable.SEND_AGAIN : Unavailable.ANSWERED_BEFORE;
  }

  /** Whether the user means to be in {@code room}: it was joined and not left since. */
  boolean isIn(String room) {
    return rooms.containsKey(ChatNames.key(room));
  }

  /** The join for {@code room}: a catch-up, changes too, once a message of it was seen, else its newest page. */
  ClientFrame.JoinRoom joinFrame(String room) {
    Long resume = resumeSeq(Channel.room(room));
    return resume == null ? new ClientFrame.JoinRoom(room) : ClientFrame.JoinRoom.changesAfter(room, resume);
  }

  /** The conversations to catch up on over REST after a reconnect: those with a message seen. */
  List<Channel.DirectChannel> conversations() {
    return received.keySet().stream()
        .filter(Channel.DirectChannel.class::isInstance)
        .map(Channel.DirectChannel.class::cast)
        .toList();
  }
}
