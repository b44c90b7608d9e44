package chat.desktop.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import chat.client.ChatApiException;
import chat.desktop.Ui;
import chat.dto.Authenticated;
import chat.dto.Role;
import chat.dto.User;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {

  private final List<String> remembered = new ArrayList<>();
  private URI loggedInAt;

  @Test
  void remembersTheServerOnceALoginThereWorked() {
    LoginViewModel login = login((server, name, password, signUp) -> new Authenticated("t", User.of(1, name, Role.USER)));
    login.server().set("http://chat.example:8080");
    login.username().set("ann");
    login.password().set("long-enough");
    login.logIn();

    assertEquals(List.of("http://chat.example:8080/"), remembered);
    assertEquals(URI.create("http://chat.example:8080/"), loggedInAt);
    assertEquals("", login.password().get(), "the password is not kept");
  }

  @Test
  void saysPlainlyWhatWentWrong() {
    assertEquals("Wrong username or password.", errorFor(refusal(401, "unauthorized", "bad credentials"), false));
    assertEquals("That username is taken.", errorFor(refusal(409, "conflict", "username taken"), true));
    assertEquals("Banned: spam", errorFor(refusal(403, "banned", "spam"), false));
    assertEquals("Too many attempts. Try again in 42 s.", errorFor(new ChatApiException(429, "rate_limited", "slow", Duration.ofSeconds(42)), false));
    assertEquals(
        "The server is unreachable. Check the address, or try again later.",
        errorFor(refusal(0, ChatApiException.UNREACHABLE, "no"), false));
  }

  @Test
  void refusesAnAddressThatIsNotOne() {
    LoginViewModel login = login((server, name, password, signUp) -> { throw new AssertionError("not called"); });
    login.server().set("chat.example");
    login.username().set("ann");
    login.password().set("long-enough");
    login.logIn();

    assertEquals("The server address should look like http://host:8080/.", login.error().get());
    assertNull(loggedInAt);
  }

  private String errorFor(ChatApiException refusal, boolean signUp) {
    LoginViewModel login = login((server, name, password, up) -> { throw refusal; });
    login.server().set("http://127.0.0.1:8080/");
    login.username().set("ann");
    login.password().set("long-enough");
    if (signUp) {
      login.signUp();
    } else {
      login.logIn();
    }
    assertEquals(List.of(), remembered);
    return login.error().get();
  }

  private LoginViewModel login(Authenticator authenticator) {
    return new LoginViewModel(authenticator, Ui.inline(), "", remembered::add, (server, auth) -> loggedInAt = server);
  }

  private static ChatApiException refusal(int status, String code, String message) {
    return new ChatApiException(status, code, message, null);
  }
}
