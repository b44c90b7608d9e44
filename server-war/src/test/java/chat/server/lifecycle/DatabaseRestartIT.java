package chat.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Credentials;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarts under a running node, as on a fail-over: every connection the node's pool held
 * is dead when the database is back. The node must notice by itself and serve again within seconds.
 */
class DatabaseRestartIT {

  /** How soon after the database is back the node must serve again. */
  private static final Duration RECOVERY = Duration.ofSeconds(5);
  /** What a node logs while it waits for its database. */
  private static final String WAITING = "waiting for the database";

  @TempDir static Path dataDir;
  private static OneNode server;
  private static ChatHttp http;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "db-restart", Map.of());
    http = new ChatHttp(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theNodeServesAgainWithinSecondsOfTheDatabaseComingBack() throws Exception {
    Authenticated ivy = http.signUp(Names.unique("ivy"), "ivy-password");
    String room = Names.unique("outage");
    http.createRoom(ivy.token(), room);
    // Every connection of the pool in use once, so that each is a dead one after the restart.
    for (int i = 0; i < 40; i++) {
      assertEquals(200, http.get("/api/rooms", ivy.token()).status());
    }

    server.restartDatabase(Duration.ofSeconds(3));
    long back = System.nanoTime();

    HttpReply signUp = http.post("/api/signup", null, new Credentials(Names.unique("after"), "after-password"));
    long deadline = back + RECOVERY.toNanos();
    while (signUp.status() != 201 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      signUp = http.post("/api/signup", null, new Credentials(Names.unique("after"), "after-password"));
    }
    assertEquals(201, signUp.status(), "a sign-up within " + RECOVERY + " of the database's return: " + signUp);
    assertEquals(200, readiness(), "ready again");
    for (int i = 0; i < 40; i++) {
      assertEquals(200, http.get("/api/rooms", ivy.token()).status(), "every pooled connection works again");
    }
    try (ChatSocket socket = ChatSocket.connect(http, ivy.token())) {
      socket.send(new ClientFrame.JoinRoom(room));
      socket.nextOf(ServerFrame.RoomJoined.class);
      socket.send(new ClientFrame.SendChatMessage(room, "after the outage", "o-1"));
      Message stored = socket.nextOf(ServerFrame.ChatMessagePosted.class).message();
      List<Message> history = http.get("/api/rooms/" + room + "/messages", ivy.token()).asListOf(Message.class);
      assertTrue(history.contains(stored), "stored: " + history);
    }
  }

  @Test
  void whileTheDatabaseStandsStillAMessageIsRefusedWithinSecondsAndStoredOnceWhenSentAgain() throws Exception {
    Authenticated kim = http.signUp(Names.unique("kim"), "kim-password");
    String room = Names.unique("paused");
    http.createRoom(kim.token(), room);
    try (ChatSocket socket = ChatSocket.connect(http, kim.token())) {
      socket.send(new ClientFrame.JoinRoom(room));
      socket.nextOf(ServerFrame.RoomJoined.class);

      server.pauseDatabase();
      ServerFrame.RequestFailed refused;
      long sent = System.nanoTime();
      try {
        socket.send(new ClientFrame.SendChatMessage(room, "into the void?", "p-1"));
        refused = socket.nextOf(ServerFrame.RequestFailed.class);
      } finally {
        server.resumeDatabase();
      }
      long waited = Duration.ofNanos(System.nanoTime() - sent).toMillis();
      assertEquals("unavailable", refused.code());
      assertEquals("p-1", refused.ref());
      assertTrue(waited < 8_000, "refused after " + waited + " ms");

      socket.send(new ClientFrame.SendChatMessage(room, "into the void?", "p-1"));
      Message stored = socket.nextOf(ServerFrame.ChatMessagePosted.class).message();
      List<Message> history = http.get("/api/rooms/" + room + "/messages", kim.token()).asListOf(Message.class);
      assertEquals(List.of(stored), history, "stored once, whether the first try got through or not");
    }
  }

  @Test
  void aNodeStartedBeforeItsDatabaseServesOnceTheDatabaseIsUp() throws Exception {
    Authenticated lou = http.signUp(Names.unique("lou"), "lou-password");
    server.stop();
    server.stopDatabase();
    // As after a power cut, or in a deployment whose database comes up last: the node boots first.
    CompletableFuture<Void> nodeBack = CompletableFuture.runAsync(server::restart);
    Eventually.within(
        Duration.ofSeconds(90), () -> assertTrue(nodeLog().contains(WAITING), "the node waits for its database"));
    server.startDatabase();

    nodeBack.get(3, TimeUnit.MINUTES);
    assertEquals(200, readiness());
    assertEquals(200, http.get("/api/rooms", lou.token()).status(), "an account from before serves");
    assertEquals(201, http.post("/api/signup", null, new Credentials(Names.unique("new"), "new-password")).status());
  }

  private static String nodeLog() {
    try {
      return Files.readString(server.node().log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int readiness() throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(HttpRequest.newBuilder(URI.create(server.uri() + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
