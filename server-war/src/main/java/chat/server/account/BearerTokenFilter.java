package chat.server.account;

import chat.dto.User;
import chat.server.access.BanList;
import chat.server.access.ClientAddress;
import chat.server.input.Authorization;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/** Turns {@code Authorization: Bearer <token>} into the request's {@link UserPrincipal}, or refuses it. */
@Provider
@RequiresUser
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  @Inject Tokens tokens;
  @Inject BanList bans;
  @Inject ClientAddress addresses;
  @Context HttpServletRequest http;

  @Override
  public void filter(ContainerRequestContext request) {
    String token = Authorization.credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION), "Bearer");
    User user = tokens.verify(token).user();
    // Tokens.verify refused a banned user's token; so is every token used from a banned address,
    // whoever it was issued to.
    bans.checkAddressOf(user, addresses.of(http));
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new TokenSecurityContext(new UserPrincipal(user), secure));
  }

  private record TokenSecurityContext(UserPrincipal principal, boolean secure)
      implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return principal.user().role().name().equals(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
