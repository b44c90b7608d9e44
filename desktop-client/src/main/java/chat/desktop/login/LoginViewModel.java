package chat.desktop.login;

import chat.client.ChatApiException;
import chat.desktop.Problems;
import chat.desktop.Ui;
import chat.dto.Authenticated;
import java.net.URI;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Log in or sign up at a server. The server's address is remembered once a login there worked; each
 * failure is said plainly: wrong password, name taken, banned, server unreachable.
 */
public final class LoginViewModel {

  private final Authenticator authenticator;
  private final Ui ui;
  private final Consumer<String> rememberServer;
  private final BiConsumer<URI, Authenticated> loggedIn;
  private final StringProperty server = new SimpleStringProperty("");
  private final StringProperty username = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);

  public LoginViewModel(
      Authenticator authenticator,
      Ui ui,
      String lastServer,
      Consumer<String> rememberServer,
      BiConsumer<URI, Authenticated> loggedIn) {
    this.authenticator = authenticator;
    this.ui = ui;
    this.rememberServer = rememberServer;
    this.loggedIn = loggedIn;
    server.set(lastServer);
  }

  public StringProperty server() {
    return server;
  }

  public StringProperty username() {
    return username;
  }

  public StringProperty password() {
    return password;
  }

  public StringProperty error() {
    return error;
  }

  public BooleanProperty busy() {
    return busy;
  }

  public void logIn() {
    submit(false);
  }

  public void signUp() {
    submit(true);
  }

  private void submit(boolean signUp) {
    URI address = serverAddress();
    if (address == null) {
      error.set("The server address should look like http://host:8080/.");
      return;
    }
    if (username.get().isBlank() || password.get().isEmpty()) {
      error.set("Type a username and a password.");
      return;
    }
    String name = username.get().strip();
    String secret = password.get();
    busy.set(true);
    error.set("");
    ui.run(
        () -> authenticator.authenticate(address, name, secret, signUp),
        authenticated -> {
          busy.set(false);
          password.set("");
          rememberServer.accept(address.toString());
          loggedIn.accept(address, authenticated);
        },
        failure -> {
          busy.set(false);
          error.set(signUp && isConflict(failure) ? "That username is taken." : Problems.describe(failure));
        });
  }

  private static boolean isConflict(Exception failure) {
    return failure instanceof ChatApiException refusal && "conflict".equals(refusal.code());
  }

  private URI serverAddress() {
    String text = server.get() == null ? "" : server.get().strip();
    if (!text.matches("https?://[^\\s/]+(/.*)?")) {
      return null;
    }
    return URI.create(text.endsWith("/") ? text : text + "/");
  }
}
