package chat.server.room;

import chat.dto.CreateRoom;
import chat.dto.Room;
import chat.dto.RoomOccupant;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import chat.server.error.ChatException;
import chat.server.presence.RoomPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * {@code /api/rooms}: list and create rooms, and who is in one. A room's history is {@code message}'s.
 * Rooted at the API's root, like the history route, so that both classes share the {@code rooms} prefix.
 */
@ApplicationScoped
@Path("")
@RequiresUser
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

  private RoomService rooms;
  private RoomPresence presence;

  protected RoomsResource() {}

  @Inject
  RoomsResource(RoomService rooms, RoomPresence presence) {
    this.rooms = rooms;
    this.presence = presence;
  }

  @GET
  @Path("rooms")
  public List<Room> list(@Context SecurityContext security) {
    return rooms.list(Caller.of(security));
  }

  @POST
  @Path("rooms")
  public Response create(CreateRoom request, @Context SecurityContext security) {
    if (request == null) {
      throw ChatException.invalid("send {\"name\": ...}");
    }
    Room room = rooms.create(request.name(), Caller.of(security), Boolean.TRUE.equals(request.privateRoom()));
    return Response.status(Response.Status.CREATED).entity(room).build();
  }

  @GET
  @Path("rooms/{name}/users")
  public List<RoomOccupant> users(@PathParam("name") String name, @Context SecurityContext security) {
    return presence.occupants(rooms.find(name, Caller.of(security)).id());
  }
}
