package chat.desktop.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ConnectionState;
import chat.dto.Role;
import chat.dto.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

  private final StatusViewModel status = new StatusViewModel();
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void namesTheNodeServingUs() {
    status.show(new ConnectionState.Connected("node-2", User.of(1, "ann", Role.USER)), now);
    assertEquals("Connected to node-2", status.connection().get());
    assertFalse(status.trouble().get());
  }

  @Test
  void countsDownToTheNextAttempt() {
    status.show(new ConnectionState.Reconnecting(now.plusMillis(3_200), 2, "connection lost"), now);
    assertEquals("Reconnecting in 4 s (connection lost)", status.connection().get());
    assertTrue(status.trouble().get());
    status.tick(now.plusSeconds(2));
    assertEquals("Reconnecting in 2 s (connection lost)", status.connection().get());
    status.tick(now.plusSeconds(4));
    assertEquals("Reconnecting now (connection lost)", status.connection().get());
  }

  @Test
  void saysWhyTheUserWasBanned() {
    status.show(new ConnectionState.Banned("spam"), now);
    assertEquals("You were banned: spam", status.connection().get());
    assertTrue(status.trouble().get());
  }
}
