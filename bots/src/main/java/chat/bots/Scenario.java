package chat.bots;

import jakarta.json.bind.annotation.JsonbTransient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run does, all of it, so that the same run can be repeated: where, who, how fast, how long.
 *
 * <p>Users are {@code prefix-00000} and on. Room {@code r} has {@code membersPerRoom} members, taken in
 * turn from the users (so with {@code users = rooms x membersPerRoom} every user is in exactly one
 * room, with more the rest only hold a socket, with fewer users are in several rooms). In each room the
 * first {@code senderShare} of its members send; together the senders send {@code rate} messages a
 * second, evenly spaced, or {@code spike.rate()} during the spike; {@code directShare} of those
 * messages go instead to the sender's friend as direct messages (users are friends in pairs: 0 and 1,
 * 2 and 3, and on). {@code churn} bots a second drop their socket, as a failing network would, and
 * resume. {@code habits} are what the apps do beside sending. The password stays out of the reports.
 */
public record Scenario(
    List<URI> targets,
    String prefix,
    @JsonbTransient String password,
    int users,
    int rooms,
    int membersPerRoom,
    double senderShare,
    int rate,
    int messageSize,
    double directShare,
    double churn,
    Spike spike,
    Habits habits,
    Duration warmUp,
    Duration duration) {

  /** A burst of {@code rate} messages a second, {@code at} after sending starts, for {@code length}. */
  public record Spike(int rate, Duration at, Duration length) {

    public static final Spike NONE = new Spike(0, Duration.ZERO, Duration.ZERO);

    boolean covers(Duration sinceStart) {
      return rate > 0 && sinceStart.compareTo(at) >= 0 && sinceStart.compareTo(at.plus(length)) < 0;
    }
  }

  /**
   * What the apps do beside sending, each costing the server a frame: {@code markRead}, every bot marks
   * its channels read once a second up to the newest message it heard there, as an app in view does;
   * {@code typeFirst}, every sender tells the channel it is typing before each message (the server
   * passes one a second per user and channel on, the apps send one every three seconds at most).
   */
  public record Habits(boolean markRead, boolean typeFirst) {

    public static final Habits NONE = new Habits(false, false);
  }

  public Scenario {
    targets = List.copyOf(targets);
    require(!targets.isEmpty(), "name at least one target");
    require(users >= 1, "users must be at least 1");
    require(rooms >= 0, "rooms must be 0 or more");
    require(rooms == 0 || (membersPerRoom >= 1 && membersPerRoom <= users), "members per room must be 1 to users");
    require(senderShare >= 0 && senderShare <= 1, "the sender share is 0 to 1");
    require(rate >= 0, "the rate must be 0 or more");
    require(rate == 0 || sendersPerRoom(rooms, senderShare, membersPerRoom) > 0, "a rate needs senders: raise the sender share or add rooms");
    require(messageSize >= Payload.MIN_SIZE && messageSize <= 2000, "messages are " + Payload.MIN_SIZE + " to 2000 characters");
    require(directShare >= 0 && directShare <= 1, "the direct share is 0 to 1");
    require(directShare == 0 || users >= 2, "direct messages need two users or more");
    require(!warmUp.isNegative() && !duration.isNegative(), "durations cannot be negative");
    require(churn >= 0 && churn <= users, "churn is 0 to users a second");
    require(spike.rate() == 0 || rate > 0, "a spike needs a rate to rise from");
    require(spike.rate() >= 0 && !spike.at().isNegative() && !spike.length().isNegative(), "a spike is RATE:AT:LENGTH");
  }

  public String userName(int user) {
    return String.format("%s-%05d", prefix, user);
  }

  public String roomName(int room) {
    return String.format("%s-room-%03d", prefix, room);
  }

  /** The users in a room, in the order they were given it. */
  public List<Integer> members(int room) {
    List<Integer> members = new ArrayList<>(membersPerRoom);
    for (int k = 0; k < membersPerRoom; k++) {
      members.add((room * membersPerRoom + k) % users);
    }
    return members;
  }

  /** The user's friend, the other of its pair, or -1 for the last user of an odd number. */
  public int friendOf(int user) {
    int friend = user ^ 1;
    return friend < users ? friend : -1;
  }

  /** Whether the {@code n}th message sent is a direct one: every 1 / directShare-th, evenly spread. */
  public boolean isDirect(long n) {
    return Math.floor((n + 1) * directShare) > Math.floor(n * directShare);
  }

  /** How many of a room's members send. */
  public int sendersPerRoom() {
    return sendersPerRoom(rooms, senderShare, membersPerRoom);
  }

  public int senders() {
    return rooms * sendersPerRoom();
  }

  /** The rate due {@code sinceStart} after sending began. */
  public int rateAt(Duration sinceStart) {
    return spike.covers(sinceStart) ? spike.rate() : rate;
  }

  /** Where a user connects: the targets in turn, so users spread evenly over the nodes given. */
  public URI targetOf(int user) {
    return targets.get(user % targets.size());
  }

  private static int sendersPerRoom(int rooms, double senderShare, int membersPerRoom) {
    return rooms == 0 ? 0 : (int) Math.ceil(senderShare * membersPerRoom);
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
