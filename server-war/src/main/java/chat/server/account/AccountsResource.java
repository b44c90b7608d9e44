package chat.server.account;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.dto.ErrorCode;
import chat.server.moderation.BanList;
import chat.server.moderation.ClientAddress;
import chat.server.moderation.ModerationService;
import chat.server.platform.ChatException;
import chat.server.platform.RateLimits;
import chat.server.social.SocialService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
  private BanList bans;
  private ClientAddress addresses;
  private ModerationService moderation;
  private RateLimits limits;

  protected AccountsResource() {}

  @Inject
  AccountsResource(
      AccountService accounts,
      SocialService social,
      BanList bans,
      ClientAddress addresses,
      ModerationService moderation,
      RateLimits limits) {
    this.accounts = accounts;
    this.social = social;
    this.bans = bans;
    this.addresses = addresses;
    this.moderation = moderation;
    this.limits = limits;
  }

  @POST
  @Path("signup")
  public Response signUp(Credentials credentials, @Context HttpServletRequest request) {
    String address = addresses.of(request);
    bans.checkAddress(address);
    Authenticated created = accounts.signUp(credentials);
    moderation.seen(created.user(), address);
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  /**
   * Failed logins from an address are limited, so passwords cannot be guessed at speed. A ban is told
   * only to who knows the password, so it reveals nothing about an account.
   */
  @POST
  @Path("login")
  public Authenticated logIn(Credentials credentials, @Context HttpServletRequest request) {
    String address = addresses.of(request);
    bans.checkAddress(address);
    limits.loginFailures().check(address);
    Authenticated authenticated;
    try {
      authenticated = accounts.logIn(credentials);
    } catch (ChatException refused) {
      if (refused.code() == ErrorCode.UNAUTHORIZED) {
        limits.loginFailures().record(address);
      }
      throw refused;
    }
    bans.checkUser(authenticated.user().id());
    moderation.seen(authenticated.user(), address);
    return authenticated;
  }

  @GET
  @Path("account")
  @RequiresUser
  public AccountOverview account(@Context SecurityContext security) {
    return social.overview(accounts.current(Caller.of(security)));
  }
}
