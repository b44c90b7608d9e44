package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Role;
import chat.server.events.AccountChanged;
import chat.server.events.BanChanged;
import chat.server.events.BlockChanged;
import chat.server.events.Broadcast;
import chat.server.events.ChatEvent;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import java.util.List;
import java.util.stream.Stream;
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
        new Broadcast("{\"type\":\"ping\",\"from\":\"node:a\"}"));
  }

  @ParameterizedTest
  @MethodSource("events")
  void eventsSurviveTheTopicUnchanged(ChatEvent event) {
    assertEquals(event, EventCodec.decode(EventCodec.encode(event)));
  }
}
