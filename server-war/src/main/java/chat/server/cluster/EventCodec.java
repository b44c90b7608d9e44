package chat.server.cluster;

import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.events.AccountChanged;
import chat.server.events.BanChanged;
import chat.server.events.BlockChanged;
import chat.server.events.Broadcast;
import chat.server.events.ChatEvent;
import chat.server.events.GridMerged;
import chat.server.events.IdentityChanged;
import chat.server.events.MembershipEnded;
import chat.server.events.SilenceChanged;
import chat.server.events.Notice;
import chat.server.events.NoticeTaken;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Events travel as plain strings: a JDK type every member deserializes without the application's
 * classes, and the frame inside is already the wire JSON, last so it may hold any character.
 * <ul>
 *   <li>{@code R:roomId:messageId:skipUserId:fromUserId:frame}
 *   <li>{@code U:fromUserId:userId,userId...:frame}
 *   <li>{@code K:blockerId:blockedId:1|0}
 *   <li>{@code X:userId:1|0:address address...\nreason} (IPv6 addresses hold colons, reasons anything)
 *   <li>{@code A:userId:tokenVersion:role}
 *   <li>{@code I:version:userId,userId...:frame} (the frame, {@code identity_changed}, holds the user)
 *   <li>{@code N:requestId:userId:frame}
 *   <li>{@code T:requestId:sockets}
 *   <li>{@code B:frame}
 *   <li>{@code M:node}
 *   <li>{@code L:userId:roomId:frame}
 * </ul>
 * Events published together travel as one: {@code *} then, for each, its length, {@code :} and itself.
 */
final class EventCodec {

  private static final char TOGETHER = '*';

  private EventCodec() {}

  static String encode(ChatEvent event) {
    return switch (event) {
      case RoomEvent room -> "R:" + room.roomId() + ":" + room.messageId() + ":" + room.skipUserId() + ":"
          + room.fromUserId() + ":" + room.frame();
      case UserEvent user -> "U:" + user.fromUserId() + ":" + ids(user.userIds()) + ":" + user.frame();
      case BlockChanged block -> "K:" + block.blockerId() + ":" + block.blockedId() + ":" + (block.blocked() ? 1 : 0);
      case BanChanged ban -> "X:" + ban.userId() + ":" + (ban.banned() ? 1 : 0) + ":"
          + String.join(" ", ban.addresses()) + "\n" + ban.reason();
      case IdentityChanged identity -> "I:" + identity.version() + ":" + ids(identity.audience()) + ":" + identity.frame();
      case Notice notice -> "N:" + notice.requestId() + ":" + notice.userId() + ":" + notice.frame();
      case NoticeTaken taken -> "T:" + taken.requestId() + ":" + taken.sockets();
      case AccountChanged account -> "A:" + account.userId() + ":" + account.tokenVersion() + ":" + account.role();
      case Broadcast broadcast -> "B:" + broadcast.frame();
      case GridMerged merged -> "M:" + merged.node();
      case MembershipEnded ended -> "L:" + ended.userId() + ":" + ended.roomId() + ":" + ended.frame();
      case SilenceChanged silence -> "S:" + silence.roomId() + ":" + silence.userId() + ":" + silence.untilMillis();
    };
  }

  /** One event as itself; several as one string that {@link #decodeAll} splits again, in order. */
  static String encodeAll(List<ChatEvent> events) {
    if (events.size() == 1) {
      return encode(events.get(0));
    }
    List<String> encoded = events.stream().map(EventCodec::encode).toList();
    StringBuilder together = new StringBuilder(encoded.stream().mapToInt(e -> e.length() + 8).sum() + 1);
    together.append(TOGETHER);
    for (String event : encoded) {
      together.append(event.length()).append(':').append(event);
    }
    return together.toString();
  }

  /** One event, or the events sent together, in order. */
  static List<ChatEvent> decodeAll(String encoded) {
    if (encoded.charAt(0) != TOGETHER) {
      return List.of(decode(encoded));
    }
    List<ChatEvent> events = new ArrayList<>();
    for (int start = 1; start < encoded.length(); ) {
      int colon = encoded.indexOf(':', start);
      int end = colon + 1 + Integer.parseInt(encoded, start, colon, 10);
      events.add(decode(encoded.substring(colon + 1, end)));
      start = end;
    }
    return events;
  }

  static ChatEvent decode(String encoded) {
    Fields fields = new Fields(encoded);
    return switch (encoded.charAt(0)) {
      case 'R' -> new RoomEvent(
          fields.nextLong(), fields.nextLong(), fields.nextLong(), fields.nextLong(), fields.rest());
      case 'U' -> {
        long from = fields.nextLong();
        List<Long> users = ids(fields.next());
        yield new UserEvent(users, from, fields.rest());
      }
      case 'I' -> {
        int version = (int) fields.nextLong();
        List<Long> audience = ids(fields.next());
        String frame = fields.rest();
        User user = ((ServerFrame.IdentityChanged) WireJson.readServerFrame(frame)).user();
        yield new IdentityChanged(user, version, audience, frame);
      }
      case 'K' -> new BlockChanged(fields.nextLong(), fields.nextLong(), fields.rest().equals("1"));
      case 'X' -> {
        long userId = fields.nextLong();
        boolean banned = fields.nextLong() == 1;
        String rest = fields.rest();
        int newline = rest.indexOf('\n');
        String addresses = rest.substring(0, newline);
        yield new BanChanged(
            userId,
            banned,
            rest.substring(newline + 1),
            addresses.isEmpty() ? List.of() : List.of(addresses.split(" ")));
      }
      case 'A' -> new AccountChanged(
          fields.nextLong(), (int) fields.nextLong(), Role.valueOf(fields.rest()));
      case 'N' -> new Notice(fields.next(), fields.nextLong(), fields.rest());
      case 'T' -> new NoticeTaken(fields.next(), Integer.parseInt(fields.rest()));
      case 'B' -> new Broadcast(fields.rest());
      case 'M' -> new GridMerged(fields.rest());
      case 'L' -> new MembershipEnded(fields.nextLong(), fields.nextLong(), fields.rest());
      case 'S' -> new SilenceChanged(fields.nextLong(), fields.nextLong(), Long.parseLong(fields.rest()));
      default -> throw new IllegalArgumentException("not an event: " + encoded);
    };
  }

  private static String ids(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static List<Long> ids(String encoded) {
    List<Long> ids = new ArrayList<>();
    for (String id : encoded.split(",")) {
      ids.add(Long.parseLong(id));
    }
    return ids;
  }

  /** Reads colon-separated fields after the one-letter kind. */
  private static final class Fields {
    private final String encoded;
    private int start = 2;

    Fields(String encoded) {
      this.encoded = encoded;
    }

    String next() {
      int end = encoded.indexOf(':', start);
      String field = encoded.substring(start, end);
      start = end + 1;
      return field;
    }

    long nextLong() {
      int end = encoded.indexOf(':', start);
      long field = Long.parseLong(encoded, start, end, 10);
      start = end + 1;
      return field;
    }

    String rest() {
      return encoded.substring(start);
    }
  }
}
