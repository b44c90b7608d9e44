package chat.server.account;

import chat.dto.User;
import jakarta.ws.rs.core.SecurityContext;

/** The user behind a request that passed {@link BearerTokenFilter}. */
public final class Caller {

  private Caller() {}

  public static User of(SecurityContext security) {
    return ((UserPrincipal) security.getUserPrincipal()).user();
  }
}
