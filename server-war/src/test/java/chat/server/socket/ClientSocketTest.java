package chat.server.socket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Role;
import chat.dto.User;
import chat.server.account.Tokens;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
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
    ClientSocket socket = new ClientSocket(closedUnderneath(attempts), token(), "10.0.0.1", 1 << 20, true, () -> {});

    assertDoesNotThrow(() -> socket.send("{\"type\":\"pong\"}"));
    assertDoesNotThrow(() -> socket.deliver(1, 2, "{\"type\":\"new_chat_message\"}"));
    assertDoesNotThrow(socket::flush);

    assertEquals(1, attempts.get(), "a socket that failed a send is closed: nothing more is tried");
  }

  @Test
  void framesQueuedBehindAMessageInFlightGoInTheNextOneALineEachToAClientThatAskedForLines() {
    List<String> sent = new ArrayList<>();
    List<SendHandler> pending = new ArrayList<>();
    ClientSocket socket = new ClientSocket(holding(sent, pending), token(), "10.0.0.1", 1 << 20, true, () -> {});

    socket.send("{\"n\":1}");
    socket.send("{\"n\":2}");
    socket.deliver(1, 3, "{\"n\":3}");
    socket.flush();
    assertEquals(List.of("{\"n\":1}"), sent, "one message in flight at a time");

    pending.remove(0).onResult(new SendResult());
    assertEquals(List.of("{\"n\":1}", "{\"n\":2}\n{\"n\":3}"), sent);
  }

  @Test
  void aClientThatDidNotAskForLinesGetsAFrameAMessage() {
    List<String> sent = new ArrayList<>();
    List<SendHandler> pending = new ArrayList<>();
    ClientSocket socket = new ClientSocket(holding(sent, pending), token(), "10.0.0.1", 1 << 20, false, () -> {});

    socket.send("{\"n\":1}");
    socket.send("{\"n\":2}");
    socket.send("{\"n\":3}");
    pending.remove(0).onResult(new SendResult());
    pending.remove(0).onResult(new SendResult());

    assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), sent);
  }

  @Test
  void thousandsOfFramesQueuedForAClientOfOneFrameAMessageGoOutOneByOneWhenEachSendCompletesAtOnce() {
    List<String> sent = new ArrayList<>();
    ClientSocket socket = new ClientSocket(completingAtOnce(sent), token(), "10.0.0.1", 1 << 24, false, () -> {});

    IntStream.range(0, 20_000).forEach(i -> socket.deliver(1, i + 1, "{\"n\":" + i + "}"));
    socket.flush();

    assertEquals(20_000, sent.size());
    assertEquals("{\"n\":19999}", sent.get(19_999));
  }

  @Test
  void framesQueuedWithoutAFlushStayQueued() {
    List<String> sent = new ArrayList<>();
    ClientSocket socket = new ClientSocket(holding(sent, new ArrayList<>()), token(), "10.0.0.1", 1 << 20, true, () -> {});

    socket.deliver(1, 3, "{\"n\":1}");
    socket.deliver(1, 4, "{\"n\":2}");
    assertEquals(List.of(), sent);

    socket.flush();
    assertEquals(List.of("{\"n\":1}\n{\"n\":2}"), sent);
  }

  /** A socket that takes every message at once: the container completes the send on the caller's thread. */
  private static Session completingAtOnce(List<String> sent) {
    return sendingText(
        args -> {
          sent.add((String) args[0]);
          ((SendHandler) args[1]).onResult(new SendResult());
        });
  }

  /** A socket whose sends complete only when the test says so. */
  private static Session holding(List<String> sent, List<SendHandler> pending) {
    return sendingText(
        args -> {
          sent.add((String) args[0]);
          pending.add((SendHandler) args[1]);
        });
  }

  private static Session closedUnderneath(AtomicInteger attempts) {
    return sendingText(
        args -> {
          attempts.incrementAndGet();
          throw new RuntimeException("Socket is not connected.");
        });
  }

  /** A session whose asynchronous {@code sendText} does what {@code sendText} says. */
  private static Session sendingText(Consumer<Object[]> sendText) {
    RemoteEndpoint.Async remote =
        proxy(
            RemoteEndpoint.Async.class,
            (method, args) -> {
              if (method.equals("sendText")) {
                sendText.accept(args);
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
