package chat.desktop.login;

import chat.dto.Authenticated;
import java.net.URI;

/** Logs in, or signs up, at a server. */
public interface Authenticator {

  Authenticated authenticate(URI server, String username, String password, boolean signUp);
}
