package chat.server.account;

import chat.dto.ProfileChange;
import chat.dto.User;
import chat.server.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code PATCH /api/account} (one's own profile) and {@code GET /api/users/{username}} (anyone's). */
@ApplicationScoped
@Path("")
@RequiresUser
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProfilesResource {

  private AccountService accounts;
  private RateLimits limits;

  protected ProfilesResource() {}

  @Inject
  ProfilesResource(AccountService accounts, RateLimits limits) {
    this.accounts = accounts;
    this.limits = limits;
  }

  /** Each change tells everyone who sees the user, so it is rate-limited like the other such acts. */
  @PATCH
  @Path("account")
  public User changeProfile(ProfileChange change, @Context SecurityContext security) {
    User caller = Caller.of(security);
    limits.profiles().acquire(caller.id());
    return accounts.changeProfile(caller, change);
  }

  @GET
  @Path("users/{username}")
  public User profile(@PathParam("username") String username) {
    return accounts.named(username);
  }
}
