package chat.server.account;

import chat.dto.Role;
import chat.server.error.ChatException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Lets only administrators through, after {@link BearerTokenFilter} has named the caller. */
@Provider
@RequiresAdmin
@Priority(Priorities.AUTHORIZATION)
public class AdminFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof UserPrincipal caller)
        || caller.user().role() != Role.ADMIN) {
      throw ChatException.forbidden("administrators only");
    }
  }
}
