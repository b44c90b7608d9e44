package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import chat.client.Backoff;
import chat.client.ChatApi;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.dto.Authenticated;
import chat.dto.ServerFrame;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.TcpRelay;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that goes silent without closing anything (frozen, or cut off on a dead link): the page gives
 * it up after two silent heartbeats, although the node, which still hears the page's pings, keeps the
 * socket, and it resumes missing nothing once it can connect again. The link is a relay that stops
 * passing on what the node says; the node runs a two-second heartbeat so that the test takes seconds.
 */
@ExtendWith(Chromium.Shared.class)
class SilentNodeIT {

  private static final Duration BEAT = Duration.ofSeconds(2);
  /**
   * Before the node would have dropped a client silent for three beats, and a beat's margin: a page
   * that waited longer (two beats and five seconds, as before) would take 9 s or more here.
   */
  private static final Duration GIVES_UP_WITHIN = BEAT.multipliedBy(3).plusSeconds(1);

  @TempDir static Path dataDir;
  private static OneNode server;

  private final Pages pages;

  SilentNodeIT(Chromium chromium) {
    this.pages = new Pages(chromium);
  }

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "silent-page", Map.of("CHAT_HEARTBEAT_SECONDS", Long.toString(BEAT.toSeconds())));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void thePageGivesUpANodeSilentForTwoHeartbeatsAndResumesMissingNothing() {
    Authenticated bob = ChatApi.of(server.uri()).signUp(Names.unique("bob"), BrowserUser.PASSWORD);
    try (TcpRelay link = TcpRelay.to(server.uri());
        ChatConnectionClosing bobSocket = new ChatConnectionClosing(ChatApi.of(server.uri()).as(bob.token()), bob.token())) {
      BrowserUser ann = new BrowserUser(pages.open(link.uri(), 1280, 800), Names.unique("ann")).signUp();
      String room = Names.unique("room");
      ann.createRoom(room);
      assertThat(ann.page.locator("#connection")).containsText("Connected to");
      bobSocket.connection.start();
      bobSocket.connection.join(room);
      assertThat(ann.person("members", bob.user().username())).isVisible();

      link.muteReplies();
      // Given up ("Reconnecting in 1 s (the server stopped answering)"), then trying again through the
      // relay, whose answer to the handshake is lost too ("Connecting…").
      assertThat(ann.page.locator("#connection"))
          .hasText(
              Pattern.compile("^(Reconnecting|Connecting)"),
              new LocatorAssertions.HasTextOptions().setTimeout(GIVES_UP_WITHIN.toMillis()));
      bobSocket.connection.send(room, "said while Ann's node was silent");
      // The link is dropped and comes back, as when the page reaches another node.
      link.cut();
      link.restore();

      assertThat(ann.messages()).hasText(new String[] {"said while Ann's node was silent"});
      assertThat(ann.page.locator("#connection")).containsText("Connected to");
    } finally {
      pages.closeAll();
    }
  }

  /** Bob, on the desktop app's connection, straight to the node. */
  private record ChatConnectionClosing(ChatConnection connection) implements AutoCloseable {

    ChatConnectionClosing(ChatApi api, String token) {
      this(
          new ChatConnection(
              api,
              token,
              Backoff.standard(),
              new ChatConnection.Listener() {
                @Override
                public void onFrame(ServerFrame frame) {}

                @Override
                public void onState(ConnectionState state) {}
              }));
    }

    @Override
    public void close() {
      connection.close();
    }
  }
}
