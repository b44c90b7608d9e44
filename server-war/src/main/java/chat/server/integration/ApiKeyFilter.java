package chat.server.integration;

import chat.server.input.Authorization;
import chat.server.ratelimit.RateLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Turns {@code Authorization: ApiKey <key>} into the request's {@link ServiceCaller}, or refuses it,
 * then counts the call against the key's own rate.
 */
@Provider
@RequiresApiKey
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

  @Inject ApiKeys keys;
  @Inject RateLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    String key = Authorization.credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION), "ApiKey");
    ServiceCaller caller = keys.authenticate(key);
    limits.services().acquire(caller.keyId());
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new KeySecurityContext(caller, secure));
  }

  private record KeySecurityContext(ServiceCaller caller, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "ApiKey";
    }
  }
}
