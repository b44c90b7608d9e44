package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.Role;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.PayaraNode;
import chat.testing.SharedServer;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class ChatApiIT {

  private final ChatApi anonymous;

  ChatApiIT(OneNode server) {
    anonymous = ChatApi.of(server.uri());
  }

  @Test
  void signsUpAndLogsInAsTheSameUser() {
    String name = Names.unique("ann");
    Authenticated signedUp = anonymous.signUp(name, "long-enough");
    Authenticated loggedIn = anonymous.logIn(name, "long-enough");

    assertEquals(signedUp.user(), loggedIn.user());
    assertEquals(Role.USER, loggedIn.user().role());
    assertEquals(name, anonymous.as(loggedIn.token()).account().user().username());
  }

  @Test
  void tellsAWrongPasswordATakenNameAndAShortPasswordApart() {
    String name = Names.unique("bea");
    anonymous.signUp(name, "long-enough");

    assertEquals("unauthorized", refusal(() -> anonymous.logIn(name, "not-the-password")).code());
    assertEquals("conflict", refusal(() -> anonymous.signUp(name, "long-enough")).code());
    ChatApiException shortPassword = refusal(() -> anonymous.signUp(Names.unique("cy"), "short"));
    assertEquals(400, shortPassword.status());
    assertTrue(shortPassword.getMessage().contains("password"), shortPassword.getMessage());
  }

  @Test
  void saysWhenNoServerAnswers() {
    ChatApi nowhere = ChatApi.of(URI.create("http://127.0.0.1:" + PayaraNode.freePort() + "/"));
    ChatApiException unreachable = refusal(() -> nowhere.logIn("ann", "long-enough"));
    assertEquals(ChatApiException.UNREACHABLE, unreachable.code());
  }

  @Test
  void createsARoomThatTheRoomListAndItsHistoryShow() {
    ChatApi dee = anonymous.as(anonymous.signUp(Names.unique("dee"), "long-enough").token());
    String room = Names.unique("room");
    dee.createRoom(room);

    assertTrue(dee.rooms().stream().anyMatch(r -> r.name().equals(room)));
    assertEquals(0, dee.roomMessages(room, ChatApi.Page.newest()).size());
    assertEquals("conflict", refusal(() -> dee.createRoom(room)).code());
  }

  @Test
  void anAdminRouteRefusesAUser() {
    ChatApi eve = anonymous.as(anonymous.signUp(Names.unique("eve"), "long-enough").token());
    assertEquals("forbidden", refusal(eve::bans).code());
    ChatApi root = anonymous.as(anonymous.logIn(OneNode.ADMIN, OneNode.ADMIN_PASSWORD).token());
    assertTrue(root.cluster().members().size() >= 1);
  }

  private static ChatApiException refusal(Runnable call) {
    return assertThrows(ChatApiException.class, call::run);
  }
}
