package chat.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.Message;
import chat.dto.Role;
import chat.dto.SearchResults;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.PayaraNode;
import chat.testing.SharedServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * A query with a sign, a room whose name has a space, a '&' and a '#', and the cursor of the next
   * page each reach the server whole: a '&' left as it is would end the query before "-only", which
   * then would not leave out the message that has it.
   */
  @Test
  void searchesWithTheQueryAndTheRoomEncodedAPageAtATime() {
    Authenticated fay = anonymous.signUp(Names.unique("fay"), "long-enough");
    ChatApi api = anonymous.as(fay.token());
    String room = api.createRoom(Names.unique("tea & cake #")).name();
    Recorder hears = new Recorder();
    Backoff quick = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random());
    ChatConnection socket = new ChatConnection(api, fay.token(), quick, hears);
    socket.start();
    try {
      socket.join(room);
      hears.next(ServerFrame.RoomJoined.class);
      socket.send(room, "cake only");
      int pieces = SearchResults.DEFAULT_LIMIT + 1;
      for (int i = 1; i <= pieces; i++) {
        socket.send(room, "tea and cake, piece " + i);
      }
      Eventually.within(Duration.ofSeconds(30), () -> assertEquals(pieces + 1, hears.messages.size()));

      SearchResults first = api.search("cake & -only", room, null, null);
      assertEquals(SearchResults.DEFAULT_LIMIT, first.results().size());
      assertTrue(first.before() != null, "a page follows");
      SearchResults second = api.search("cake & -only", room, null, first.before());
      assertEquals(null, second.before(), "the last page");
      Set<Long> found = new HashSet<>();
      for (SearchResults.Found result : Stream.concat(first.results().stream(), second.results().stream()).toList()) {
        Message message = result.message();
        assertTrue(message.text().startsWith("tea and cake, piece "), message.text());
        assertEquals(room, message.room());
        assertTrue(result.headline().stream().anyMatch(p -> Boolean.TRUE.equals(p.match()) && p.text().equals("cake")));
        found.add(message.id());
      }
      assertEquals(pieces, found.size(), "every piece once");
      assertEquals(List.of(), api.search("cake", room, Names.unique("nobody"), null).results());
      assertEquals(SearchResults.DEFAULT_LIMIT, api.search("cake", room, fay.user().username(), null).results().size());
    } finally {
      socket.close();
    }
  }

  /**
   * A file goes from the disk with its progress told up to its size, comes back byte for byte, is sent
   * with a message without text to a member who fetches it too, and is no longer an upload to delete;
   * another one is deleted while unsent, and a bad name is the server's refusal.
   */
  @Test
  void uploadsAFileFromTheDiskSendsItAndFetchesTheSameBytes(@TempDir Path disk) throws Exception {
    Authenticated gus = anonymous.signUp(Names.unique("gus"), "long-enough");
    ChatApi api = anonymous.as(gus.token());
    byte[] bytes = new byte[700 * 1024];
    new Random(35).nextBytes(bytes);
    Path report = Files.write(disk.resolve("report.bin"), bytes);
    List<Long> told = new CopyOnWriteArrayList<>();

    SharedFile file =
        api.upload(report, (sent, total) -> {
              assertEquals(bytes.length, total);
              told.add(sent);
            })
            .get(30, TimeUnit.SECONDS);
    assertEquals(new SharedFile(file.id(), "report.bin", "application/octet-stream", bytes.length, null), file);
    assertEquals(bytes.length, told.get(told.size() - 1), "told up to its size: " + told);
    assertTrue(told.size() > 1, "told as it went: " + told);
    try (InputStream in = api.file(file.id())) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    assertEquals("not_found", refusal(() -> api.preview(file.id())).code(), "not a picture");

    Authenticated hal = anonymous.signUp(Names.unique("hal"), "long-enough");
    String room = api.createRoom(Names.unique("files")).name();
    Recorder hears = new Recorder();
    ChatConnection socket = new ChatConnection(anonymous.as(hal.token()), hal.token(), Backoff.standard(), hears);
    Recorder says = new Recorder();
    ChatConnection sender = new ChatConnection(api, gus.token(), Backoff.standard(), says);
    socket.start();
    sender.start();
    try {
      sender.join(room);
      says.next(ServerFrame.RoomJoined.class);
      socket.join(room);
      hears.next(ServerFrame.RoomJoined.class);
      sender.send(room, "", null, List.of(file.id()));
      Message sent = hears.next(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(List.of(file), sent.files());
      try (InputStream in = anonymous.as(hal.token()).file(file.id())) {
        assertArrayEquals(bytes, in.readAllBytes(), "a member of the room fetches it");
      }
      assertEquals("not_found", refusal(() -> api.deleteFile(file.id())).code(), "sent: no longer an upload");
    } finally {
      socket.close();
      sender.close();
    }

    SharedFile unsent = api.upload(report, (sent, total) -> {}).get(30, TimeUnit.SECONDS);
    api.deleteFile(unsent.id());
    assertEquals("not_found", refusal(() -> api.file(unsent.id())).code(), "deleted");

    Path hidden = Files.write(disk.resolve("a\u0007b.txt"), bytes);
    ExecutionException refused = assertThrows(ExecutionException.class, () -> api.upload(hidden, (sent, total) -> {}).get(30, TimeUnit.SECONDS));
    assertEquals("invalid_request", ((ChatApiException) refused.getCause()).code());
  }

  /** Cancelled as its first bytes went: the future says so, and the next upload goes as ever. */
  @Test
  void aCancelledUploadEndsCancelled(@TempDir Path disk) throws Exception {
    ChatApi api = anonymous.as(anonymous.signUp(Names.unique("ida"), "long-enough").token());
    Path big = Files.write(disk.resolve("big.bin"), new byte[8 * 1024 * 1024]);
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<SharedFile> upload = api.upload(big, (sent, total) -> started.countDown());
    assertTrue(started.await(30, TimeUnit.SECONDS), "its bytes began to go");
    assertTrue(upload.cancel(true));

    assertThrows(CancellationException.class, () -> upload.get(30, TimeUnit.SECONDS));
    Path small = Files.writeString(disk.resolve("small.txt"), "after the cancel");
    assertEquals(16, api.upload(small, (sent, total) -> {}).get(30, TimeUnit.SECONDS).size());
  }

  private static ChatApiException refusal(Runnable call) {
    return assertThrows(ChatApiException.class, call::run);
  }
}
