package chat.server.socket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Role;
import chat.dto.User;
import chat.server.account.Tokens;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientSocketTest {

  /**
   * Tyrus throws ("Socket is not connected.") when a socket closes between the node's check and its
   * send. Deliveries to a room go socket by socket on one thread: a throw there would cost every member
   * after this one the message.
   */
  @Test
  void aSocketClosedUnderneathTheSendNeitherThrowsNorIsSentToAgain() {
    AtomicInteger attempts = new AtomicInteger();
    ClientSocket socket = new ClientSocket(closedUnderneath(attempts), token(), "10.0.0.1", 1 << 20);

    assertDoesNotThrow(() -> socket.send("{\"type\":\"pong\"}"));
    assertDoesNotThrow(() -> socket.deliver(1, 2, "{\"type\":\"new_chat_message\"}"));

    assertEquals(1, attempts.get(), "a socket that failed a send is closed: nothing more is tried");
  }

  private static Session closedUnderneath(AtomicInteger attempts) {
    RemoteEndpoint.Async remote =
        proxy(
            RemoteEndpoint.Async.class,
            (method, args) -> {
              if (method.equals("sendText")) {
                attempts.incrementAndGet();
                throw new RuntimeException("Socket is not connected.");
              }
              return null;
            });
    return proxy(
        Session.class,
        (method, args) -> switch (method) {
          case "getAsyncRemote" -> remote;
          case "getId" -> "s-1";
          default -> null;
        });
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            ClientSocketTest.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> answer.answer(method.getName(), args)));
  }

  private static Tokens.Valid token() {
    return new Tokens.Valid(User.of(7, "carol", Role.USER), 1, Long.MAX_VALUE);
  }
}
