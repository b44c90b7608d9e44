package chat.desktop.status;

import chat.client.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status bar: the connection's state in words, the node serving us, the reconnect countdown. */
public final class StatusViewModel {

  private final StringProperty connection = new SimpleStringProperty("Connecting…");
  private final BooleanProperty trouble = new SimpleBooleanProperty(false);
  private ConnectionState state = new ConnectionState.Connecting(1);

  public StringProperty connection() {
    return connection;
  }

  /** True when the user should look: reconnecting, logged out, banned. */
  public BooleanProperty trouble() {
    return trouble;
  }

  public void show(ConnectionState next, Instant now) {
    state = next;
    tick(now);
  }

  /** Brings the countdown up to {@code now}; the view calls it every second. */
  public void tick(Instant now) {
    trouble.set(!(state instanceof ConnectionState.Connected || state instanceof ConnectionState.Connecting));
    if (state instanceof ConnectionState.Connected connected) {
      connection.set("Connected to " + connected.node());
      return;
    }
    if (state instanceof ConnectionState.Connecting) {
      connection.set("Connecting…");
    } else if (state instanceof ConnectionState.Reconnecting reconnecting) {
      long seconds = Math.max(0, (Duration.between(now, reconnecting.retryAt()).toMillis() + 999) / 1000);
      connection.set(
          (seconds == 0 ? "Reconnecting now" : "Reconnecting in " + seconds + " s")
              + " (" + reconnecting.reason() + ")");
    } else if (state instanceof ConnectionState.Banned banned) {
      connection.set("You were banned: " + banned.reason());
    } else if (state instanceof ConnectionState.LoggedOut loggedOut) {
      connection.set("Logged out: " + loggedOut.reason() + ". Log in again.");
    } else {
      connection.set("Disconnected");
    }
  }
}
