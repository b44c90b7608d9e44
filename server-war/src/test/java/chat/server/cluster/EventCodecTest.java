package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import chat.server.events.MembershipEnded;
import chat.server.events.IdentityChanged;
import chat.server.events.Notice;
import chat.server.events.NoticeTaken;
import chat.server.events.RoomEvent;
import chat.server.events.SilenceChanged;
import chat.server.events.UserEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

  static Stream<ChatEvent> events() {
    String frame = "{\"type\":\"new_chat_message\",\"message\":{\"id\":7,\"text\":\"a:b:c\"}}";
    return Stream.of(
        RoomEvent.message(42, 7, 3, frame),
        RoomEvent.membership(42, 9, "{\"type\":\"member_left\"}"),
        new RoomEvent(Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, ""),
        new UserEvent(List.of(3L, 4L), 3, frame),
        UserEvent.to(5, "{\"type\":\"friend_added\",\"user\":{\"username\":\"a:b\"}}"),
        new BlockChanged(3, 4, true),
        new BlockChanged(4, 3, false),
        new BanChanged(6, true, "spam:\nand worse", List.of("127.0.0.1", "0:0:0:0:0:0:0:1")),
        new BanChanged(6, false, "", List.of()),
        new AccountChanged(7, 3, Role.USER),
        new AccountChanged(8, 0, Role.ADMIN),
        new Broadcast("{\"type\":\"ping\",\"from\":\"node:a\"}"),
        identityChanged(new User(9, "ann", Role.USER, "Ann: the 1st", "away:\nback at 5"), 4, List.of(9L, 10L)),
        identityChanged(User.of(9, "ann", Role.USER), 1, List.of(9L)),
        new Notice("5f1c-aa", 9, "{\"type\":\"notification\",\"kind\":\"a:b\"}"),
        new NoticeTaken("5f1c-aa", 2),
        new GridMerged("node:b"),
        new MembershipEnded(5, 42, "{\"type\":\"membership\",\"room\":\"a:b\",\"member\":false}"),
        new SilenceChanged(42, 5, 1_796_652_896_403L),
        new SilenceChanged(42, 5, 0));
  }

  private static IdentityChanged identityChanged(User user, int version, List<Long> audience) {
    return new IdentityChanged(user, version, audience, WireJson.toJson(new ServerFrame.IdentityChanged(user)));
  }

  @ParameterizedTest
  @MethodSource("events")
  void eventsSurviveTheTopicUnchanged(ChatEvent event) {
    assertEquals(event, EventCodec.decode(EventCodec.encode(event)));
  }

  @Test
  void eventsSentTogetherArriveTogetherInOrder() {
    List<ChatEvent> together = events().toList();

    String encoded = EventCodec.encodeAll(together);

    assertEquals(together, EventCodec.decodeAll(encoded));
    assertEquals(List.of(together.get(0)), EventCodec.decodeAll(EventCodec.encodeAll(List.of(together.get(0)))));
  }

  /** The compiler holds encode to every kind; this holds decode, which reads a string, to them too. */
  @Test
  void everyKindOfEventIsAmongThoseThatRoundTrip() {
    Set<Class<?>> tried = events().map(Object::getClass).collect(Collectors.toSet());

    for (Class<?> kind : ChatEvent.class.getPermittedSubclasses()) {
      assertTrue(tried.contains(kind), kind.getSimpleName() + " needs a case in events()");
    }
  }
}
