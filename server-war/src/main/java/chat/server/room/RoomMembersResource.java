package chat.server.room;

import chat.dto.MemberPage;
import chat.dto.Silence;
import chat.dto.Status;
import chat.dto.UserName;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import chat.server.error.ChatException;
import chat.server.input.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A room's members (listed, invited, removed), moderators and silences: {@code /api/rooms/{name}/members}, {@code .../moderators},
 * {@code .../silence}. Rooted at the API's root, as the other room routes are: a class at
 * {@code rooms/{name}} would be matched first for every route under it, history included, and answer
 * none of theirs.
 */
@ApplicationScoped
@Path("")
@RequiresUser
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RoomMembersResource {

  private RoomModeration moderation;
  private MemberList members;

  protected RoomMembersResource() {}

  @Inject
  RoomMembersResource(RoomModeration moderation, MemberList members) {
    this.moderation = moderation;
    this.members = members;
  }

  @GET
  @Path("rooms/{name}/members")
  public MemberPage list(
      @PathParam("name") String room,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    return members.page(Caller.of(security), room, after, QueryParams.optionalInt("limit", limit));
  }

  @POST
  @Path("rooms/{name}/members")
  public Status invite(@PathParam("name") String room, UserName body, @Context SecurityContext security) {
    moderation.invite(Caller.of(security), room, username(body));
    return new Status("member");
  }

  @DELETE
  @Path("rooms/{name}/members/{username}")
  public Status remove(
      @PathParam("name") String room, @PathParam("username") String username, @Context SecurityContext security) {
    moderation.remove(Caller.of(security), room, username);
    return new Status("removed");
  }

  @PUT
  @Path("rooms/{name}/moderators/{username}")
  public Status name(
      @PathParam("name") String room, @PathParam("username") String username, @Context SecurityContext security) {
    moderation.moderator(Caller.of(security), room, username, true);
    return new Status("moderator");
  }

  @DELETE
  @Path("rooms/{name}/moderators/{username}")
  public Status unname(
      @PathParam("name") String room, @PathParam("username") String username, @Context SecurityContext security) {
    moderation.moderator(Caller.of(security), room, username, false);
    return new Status("member");
  }

  @POST
  @Path("rooms/{name}/silence")
  public Status silence(@PathParam("name") String room, Silence body, @Context SecurityContext security) {
    if (body == null) {
      throw ChatException.invalid("send {\"username\": ..., \"minutes\": ...}");
    }
    moderation.silence(Caller.of(security), room, body.username(), body.minutes());
    return new Status(body.minutes() == 0 ? "lifted" : "silenced");
  }

  private static String username(UserName body) {
    if (body == null) {
      throw ChatException.invalid("send {\"username\": ...}");
    }
    return body.username();
  }
}
