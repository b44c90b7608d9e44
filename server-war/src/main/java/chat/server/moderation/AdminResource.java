package chat.server.moderation;

import chat.dto.AdminUser;
import chat.dto.BanRequest;
import chat.dto.BanResult;
import chat.dto.Bans;
import chat.dto.Status;
import chat.dto.UserName;
import chat.server.account.Caller;
import chat.server.account.RequiresAdmin;
import chat.server.account.RequiresUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The administrators' moderation routes: bans, and the user and ban lists. */
@ApplicationScoped
@Path("")
@RequiresUser
@RequiresAdmin
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  private ModerationService moderation;

  protected AdminResource() {}

  @Inject
  AdminResource(ModerationService moderation) {
    this.moderation = moderation;
  }

  @POST
  @Path("users/ban")
  public BanResult ban(BanRequest request, @Context SecurityContext security) {
    return moderation.ban(Caller.of(security), request);
  }

  @POST
  @Path("users/unban")
  public Status unban(UserName request) {
    return moderation.unban(request == null ? null : request.username());
  }

  @GET
  @Path("admin/users")
  public List<AdminUser> users(@QueryParam("query") String query) {
    return moderation.users(query);
  }

  @GET
  @Path("admin/bans")
  public Bans bans() {
    return moderation.bans();
  }
}
