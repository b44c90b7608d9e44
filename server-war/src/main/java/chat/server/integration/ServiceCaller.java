package chat.server.integration;

import chat.dto.User;
import chat.server.error.ChatException;
import java.security.Principal;
import java.util.Set;

/** The caller of a server-to-server route: which key, what it may do, and the service it posts as. */
record ServiceCaller(long keyId, Set<Scope> scopes, User service) implements Principal {

  @Override
  public String getName() {
    return service.username();
  }

  /** A key without the route's scope is refused (403), however valid. */
  void require(Scope scope) {
    if (!scopes.contains(scope)) {
      throw ChatException.forbidden("this API key does not have the scope '" + scope.wire() + "'");
    }
  }
}
