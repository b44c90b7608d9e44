package chat.server.account;

import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.dto.PasswordChange;
import chat.dto.Status;
import chat.server.access.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/signup}, {@code /api/login}, {@code /api/logout-all} and {@code /api/account/password}. */
@ApplicationScoped
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  private LoginService logins;
  private AccountService accounts;
  private ClientAddress addresses;

  protected AccountsResource() {}

  @Inject
  AccountsResource(LoginService logins, AccountService accounts, ClientAddress addresses) {
    this.logins = logins;
    this.accounts = accounts;
    this.addresses = addresses;
  }

  @POST
  @Path("signup")
  public Response signUp(Credentials credentials, @Context HttpServletRequest request) {
    Authenticated created = logins.signUp(credentials, addresses.of(request));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @POST
  @Path("login")
  public Authenticated logIn(Credentials credentials, @Context HttpServletRequest request) {
    return logins.logIn(credentials, addresses.of(request));
  }

  /** Ends every token of the caller's, this one included, on every node; their sockets close (4001). */
  @POST
  @Path("logout-all")
  @RequiresUser
  public Status logOutEverywhere(@Context SecurityContext security) {
    accounts.logOutEverywhere(Caller.of(security));
    return new Status("logged out");
  }

  @POST
  @Path("account/password")
  @RequiresUser
  public Authenticated changePassword(
      PasswordChange change, @Context SecurityContext security, @Context HttpServletRequest request) {
    return logins.changePassword(Caller.of(security), change, addresses.of(request));
  }
}
