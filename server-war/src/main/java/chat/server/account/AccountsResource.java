package chat.server.account;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.dto.ErrorCode;
import chat.dto.PasswordChange;
import chat.dto.Status;
import chat.server.moderation.BanList;
import chat.server.moderation.ClientAddress;
import chat.server.moderation.ModerationService;
import chat.server.platform.AddressKey;
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
    limits.signups().acquire(AddressKey.of(address));
    Authenticated created = accounts.signUp(credentials);
    moderation.seen(created.user(), address);
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  /**
   * Failed logins from an address are limited, so passwords cannot be guessed at speed: every attempt
   * reserves a permit before its password is checked, and only a success gives it back, so guesses sent
   * at once cannot all pass. A ban is told only to who knows the password, so it reveals nothing about
   * an account.
   */
  @POST
  @Path("login")
  public Authenticated logIn(Credentials credentials, @Context HttpServletRequest request) {
    String address = addresses.of(request);
    bans.checkAddress(address);
    String key = AddressKey.of(address);
    limits.loginFailures().acquire(key);
    Authenticated authenticated;
    try {
      authenticated = accounts.logIn(credentials);
    } catch (ChatException refused) {
      if (refused.code() != ErrorCode.UNAUTHORIZED) {
        limits.loginFailures().refund(key);
      }
      throw refused;
    }
    limits.loginFailures().refund(key);
    bans.checkUser(authenticated.user().id());
    moderation.seen(authenticated.user(), address);
    return authenticated;
  }

  /** Ends every token of the caller's, this one included, on every node; their sockets close (4001). */
  @POST
  @Path("logout-all")
  @RequiresUser
  public Status logOutEverywhere(@Context SecurityContext security) {
    accounts.logOutEverywhere(Caller.of(security));
    return new Status("logged out");
  }

  /**
   * A new password ends every older token; the answer carries a fresh one for this client. A wrong
   * current password counts as a failed login from the caller's address, so a stolen token cannot be
   * used to guess the password at speed.
   */
  @POST
  @Path("account/password")
  @RequiresUser
  public Authenticated changePassword(
      PasswordChange change, @Context SecurityContext security, @Context HttpServletRequest request) {
    String key = AddressKey.of(addresses.of(request));
    limits.loginFailures().acquire(key);
    try {
      Authenticated changed = accounts.changePassword(Caller.of(security), change);
      limits.loginFailures().refund(key);
      return changed;
    } catch (ChatException refused) {
      if (refused.code() != ErrorCode.FORBIDDEN) {
        limits.loginFailures().refund(key);
      }
      throw refused;
    }
  }

  @GET
  @Path("account")
  @RequiresUser
  public AccountOverview account(@Context SecurityContext security) {
    return social.overview(accounts.current(Caller.of(security)));
  }
}
