package chat.server.account;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.server.social.SocialService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/signup}, {@code /api/login} and {@code /api/account}. */
@ApplicationScoped
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  private AccountService accounts;
  private SocialService social;

  protected AccountsResource() {}

  @Inject
  AccountsResource(AccountService accounts, SocialService social) {
    this.accounts = accounts;
    this.social = social;
  }

  @POST
  @Path("signup")
  public Response signUp(Credentials credentials) {
    Authenticated created = accounts.signUp(credentials);
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @POST
  @Path("login")
  public Authenticated logIn(Credentials credentials) {
    return accounts.logIn(credentials);
  }

  @GET
  @Path("account")
  @RequiresUser
  public AccountOverview account(@Context SecurityContext security) {
    return social.overview(accounts.current(Caller.of(security)));
  }
}
