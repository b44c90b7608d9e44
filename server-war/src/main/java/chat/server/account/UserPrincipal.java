package chat.server.account;

import chat.dto.User;
import java.security.Principal;

/** The authenticated caller of a request, as its token names it. */
public record UserPrincipal(User user) implements Principal {

  @Override
  public String getName() {
    return user.username();
  }
}
