package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.SharedServer;
import chat.testing.TcpRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ann reaches the node through a link the test breaks; Bob is connected directly. What Ann's user would
 * see is what her connection hands on: every message once, in order, whatever the link did.
 */
@ExtendWith(SharedServer.class)
class ChatConnectionIT {

  private static final Duration SOON = Duration.ofSeconds(20);

  private final OneNode server;
  private final List<ChatConnection> connections = new ArrayList<>();
  private TcpRelay link;
  private ChatApi annApi;
  private ChatApi bobApi;
  private Authenticated ann;
  private Authenticated bob;

  ChatConnectionIT(OneNode server) {
    this.server = server;
  }

  @BeforeEach
  void twoUsers() {
    link = TcpRelay.to(server.uri());
    ann = ChatApi.of(server.uri()).signUp(Names.unique("ann"), "long-enough");
    bob = ChatApi.of(server.uri()).signUp(Names.unique("bob"), "long-enough");
    annApi = ChatApi.of(link.uri()).as(ann.token());
    bobApi = ChatApi.of(server.uri()).as(bob.token());
  }

  @AfterEach
  void closeAll() {
    connections.forEach(ChatConnection::close);
    link.close();
  }

  @Test
  void missesNothingAndRepeatsNothingAcrossACutLink() {
    String room = bobApi.createRoom(Names.unique("room")).name();
    Recorder annHears = new Recorder();
    ChatConnection annSocket = connect(annApi, ann, annHears);
    assertEquals("node-1", annHears.awaitState(ConnectionState.Connected.class).node());
    annSocket.join(room);
    annHears.next(ServerFrame.RoomJoined.class);
    Recorder bobHears = new Recorder();
    ChatConnection bobSocket = connect(bobApi, bob, bobHears);
    bobSocket.join(room);
    bobHears.next(ServerFrame.RoomJoined.class);

    annSocket.send(room, "one");
    Eventually.within(SOON, () -> assertEquals(List.of("one"), annHears.texts()));

    link.cut();
    annHears.awaitState(ConnectionState.Reconnecting.class);
    for (String text : List.of("two", "three", "four")) {
      bobSocket.send(room, text);
    }
    Eventually.within(SOON, () -> assertEquals(List.of("one", "two", "three", "four"), bobHears.texts()));
    annSocket.send(room, "five, written while away");
    link.restore();

    List<String> everything = List.of("one", "two", "three", "four", "five, written while away");
    Eventually.within(SOON, () -> assertEquals(everything, annHears.texts()));
    Eventually.within(SOON, () -> assertEquals(everything, bobHears.texts()));
    assertEquals(everything, texts(bobApi.roomMessages(room, ChatApi.Page.newest())));
  }

  @Test
  void aMessageWhoseAcknowledgementWasLostIsStoredOnce() {
    String room = bobApi.createRoom(Names.unique("room")).name();
    Recorder annHears = new Recorder();
    ChatConnection annSocket = connect(annApi, ann, annHears);
    annSocket.join(room);
    annHears.next(ServerFrame.RoomJoined.class);
    Recorder bobHears = new Recorder();
    connect(bobApi, bob, bobHears).join(room);
    bobHears.next(ServerFrame.RoomJoined.class);

    link.muteReplies();
    annSocket.send(room, "only once");
    Eventually.within(SOON, () -> assertEquals(List.of("only once"), bobHears.texts()));
    link.cut();
    link.restore();

    // The reconnect may be over before we look: ask whether it happened, not whether it is happening.
    Eventually.within(
        SOON,
        () -> assertTrue(annHears.states.stream().anyMatch(ConnectionState.Reconnecting.class::isInstance)));
    Eventually.within(SOON, () -> assertEquals(List.of("only once"), annHears.texts()));
    assertEquals(List.of("only once"), texts(bobApi.roomMessages(room, ChatApi.Page.newest())));
    assertEquals(List.of("only once"), bobHears.texts(), "Bob did not get the resend a second time");
  }

  @Test
  void fetchesAMessageThatNeverReachedItsSocketOnceALaterOneShowsTheGap() {
    String room = bobApi.createRoom(Names.unique("room")).name();
    Recorder annHears = new Recorder();
    connect(annApi, ann, annHears).join(room);
    annHears.next(ServerFrame.RoomJoined.class);
    Recorder bobHears = new Recorder();
    ChatConnection bobSocket = connect(bobApi, bob, bobHears);
    bobSocket.join(room);
    bobHears.next(ServerFrame.RoomJoined.class);
    bobSocket.send(room, "one");
    Eventually.within(SOON, () -> assertEquals(List.of("one"), annHears.texts()));

    server.storeUnsent(room, bob.user().username(), "two, never sent on", null);
    bobSocket.send(room, "three");

    Eventually.within(
        SOON, () -> assertEquals(List.of("one", "three", "two, never sent on"), annHears.texts()));
  }

  @Test
  void learnsOfTheEditsReactionsAndDeletionsMadeWhileAway() {
    String room = bobApi.createRoom(Names.unique("room")).name();
    Recorder annHears = new Recorder();
    ChatConnection annSocket = connect(annApi, ann, annHears);
    annSocket.join(room);
    annHears.next(ServerFrame.RoomJoined.class);
    Recorder bobHears = new Recorder();
    ChatConnection bobSocket = connect(bobApi, bob, bobHears);
    bobSocket.join(room);
    bobHears.next(ServerFrame.RoomJoined.class);
    for (String text : List.of("one", "two", "three")) {
      bobSocket.send(room, text);
    }
    Eventually.within(SOON, () -> assertEquals(List.of("one", "two", "three"), annHears.texts()));
    bobApi.editMessage(annHears.messages.get(0).id(), "one, live");
    Eventually.within(SOON, () -> assertEquals(List.of("one, live", "two", "three"), annHears.texts()));

    link.cut();
    annHears.awaitState(ConnectionState.Reconnecting.class);
    List<Message> sent = bobApi.roomMessages(room, ChatApi.Page.newest());
    bobApi.editMessage(sent.get(0).id(), "one, edited while away");
    bobApi.deleteMessage(sent.get(1).id());
    bobApi.react(sent.get(2).id(), "\uD83D\uDC4D", true);
    link.restore();

    Eventually.within(SOON, () -> assertEquals(List.of("one, edited while away", "three"), annHears.texts()));
    Eventually.within(SOON, () -> assertEquals(1, annHears.messages.get(1).reactions().get(0).count()));
  }

  @Test
  void catchesUpOnDirectMessagesSentWhileAway() {
    annApi.addFriend(bob.user().username());
    bobApi.addFriend(ann.user().username());
    Recorder annHears = new Recorder();
    connect(annApi, ann, annHears);
    annHears.awaitState(ConnectionState.Connected.class);
    Recorder bobHears = new Recorder();
    ChatConnection bobSocket = connect(bobApi, bob, bobHears);
    bobHears.awaitState(ConnectionState.Connected.class);

    bobSocket.sendDirect(ann.user().username(), "hi 1");
    Eventually.within(SOON, () -> assertEquals(List.of("hi 1"), annHears.texts()));
    link.cut();
    annHears.awaitState(ConnectionState.Reconnecting.class);
    bobSocket.sendDirect(ann.user().username(), "hi 2");
    bobSocket.sendDirect(ann.user().username(), "hi 3");
    Eventually.within(SOON, () -> assertEquals(List.of("hi 1", "hi 2", "hi 3"), bobHears.texts()));
    link.restore();

    Eventually.within(SOON, () -> assertEquals(List.of("hi 1", "hi 2", "hi 3"), annHears.texts()));
  }

  @Test
  void aBanEndsTheConnectionForGoodWithTheReason() {
    Recorder annHears = new Recorder();
    connect(annApi, ann, annHears);
    annHears.awaitState(ConnectionState.Connected.class);

    ChatApi root = ChatApi.of(server.uri());
    root.as(root.logIn(OneNode.ADMIN, OneNode.ADMIN_PASSWORD).token())
        .ban(ann.user().username(), false, "spam");

    assertEquals("spam", annHears.awaitState(ConnectionState.Banned.class).reason());
    assertEquals("spam", annHears.next(ServerFrame.Banned.class).reason());
  }

  @Test
  void aTokenTheServerRefusesLogsOut() {
    Recorder hears = new Recorder();
    ChatConnection socket = new ChatConnection(annApi, "not-a-token", fastBackoff(), hears);
    connections.add(socket);
    socket.start();

    hears.awaitState(ConnectionState.LoggedOut.class);
    assertInstanceOf(ConnectionState.Connecting.class, hears.states.get(0));
  }

  private ChatConnection connect(ChatApi api, Authenticated user, Recorder recorder) {
    ChatConnection connection = new ChatConnection(api, user.token(), fastBackoff(), recorder);
    connections.add(connection);
    connection.start();
    return connection;
  }

  /** Quick retries keep the test short; the jitter and the doubling are the real ones. */
  private static Backoff fastBackoff() {
    return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random());
  }

  private static List<String> texts(List<Message> messages) {
    return messages.stream().map(Message::text).toList();
  }
}
