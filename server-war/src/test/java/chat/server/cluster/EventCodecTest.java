package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.server.events.Broadcast;
import chat.server.events.ChatEvent;
import chat.server.events.RoomEvent;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

  static Stream<ChatEvent> events() {
    String frame = "{\"type\":\"new_chat_message\",\"message\":{\"id\":7,\"text\":\"a:b:c\"}}";
    return Stream.of(
        RoomEvent.message(42, 7, frame),
        RoomEvent.membership(42, 9, "{\"type\":\"member_left\"}"),
        new RoomEvent(Long.MAX_VALUE, Long.MAX_VALUE, 0, ""),
        new Broadcast("{\"type\":\"ping\",\"from\":\"node:a\"}"));
  }

  @ParameterizedTest
  @MethodSource("events")
  void eventsSurviveTheTopicUnchanged(ChatEvent event) {
    assertEquals(event, EventCodec.decode(EventCodec.encode(event)));
  }
}
