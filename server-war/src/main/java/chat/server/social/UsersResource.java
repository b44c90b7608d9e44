package chat.server.social;

import chat.dto.AccountOverview;
import chat.dto.Status;
import chat.dto.UserName;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/account} (the caller with their friends, requests and blocks), and {@code /api/users/add},
 * {@code remove}, {@code block} and {@code unblock}. Rooted at the API's root,
 * like the administrators' {@code /api/users/ban}, so that both classes share the {@code users} prefix.
 */
@ApplicationScoped
@Path("")
@RequiresUser
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  private SocialService social;

  protected UsersResource() {}

  @Inject
  UsersResource(SocialService social) {
    this.social = social;
  }

  @GET
  @Path("account")
  public AccountOverview account(@Context SecurityContext security) {
    return social.overview(Caller.of(security));
  }

  @POST
  @Path("users/add")
  public Status add(UserName body, @Context SecurityContext security) {
    return social.add(Caller.of(security), nameIn(body));
  }

  @POST
  @Path("users/remove")
  public Status remove(UserName body, @Context SecurityContext security) {
    return social.remove(Caller.of(security), nameIn(body));
  }

  @POST
  @Path("users/block")
  public Status block(UserName body, @Context SecurityContext security) {
    return social.block(Caller.of(security), nameIn(body));
  }

  @POST
  @Path("users/unblock")
  public Status unblock(UserName body, @Context SecurityContext security) {
    return social.unblock(Caller.of(security), nameIn(body));
  }

  private static String nameIn(UserName body) {
    return body == null ? null : body.username();
  }
}
