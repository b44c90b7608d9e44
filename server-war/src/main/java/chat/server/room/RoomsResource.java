package chat.server.room;

import chat.dto.CreateRoom;
import chat.dto.Message;
import chat.dto.Room;
import chat.dto.RoomOccupant;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import chat.server.message.MessageService;
import chat.server.platform.ChatException;
import chat.server.platform.QueryParams;
import chat.server.presence.RoomPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /api/rooms}: list and create rooms, read a room's history and who is in it. */
@ApplicationScoped
@Path("rooms")
@RequiresUser
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RoomsResource {

  private RoomService rooms;
  private MessageService messages;
  private RoomPresence presence;

  protected RoomsResource() {}

  @Inject
  RoomsResource(
      RoomService rooms, MessageService messages, RoomPresence presence) {
    this.rooms = rooms;
    this.messages = messages;
    this.presence = presence;
  }

  @GET
  public List<Room> list() {
    return rooms.list();
  }

  @POST
  public Response create(CreateRoom request, @Context SecurityContext security) {
    if (request == null) {
      throw ChatException.invalid("send {\"name\": ...}");
    }
    Room room = rooms.create(request.name(), Caller.of(security));
    return Response.status(Response.Status.CREATED).entity(room).build();
  }

  @GET
  @Path("{name}/messages")
  public List<Message> history(
      @PathParam("name") String name,
      @QueryParam("before") String before,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    return messages.page(
        Caller.of(security),
        rooms.find(name),
        QueryParams.optionalLong("before", before),
        QueryParams.optionalLong("after", after),
        QueryParams.optionalInt("limit", limit));
  }

  @GET
  @Path("{name}/users")
  public List<RoomOccupant> users(@PathParam("name") String name) {
    return presence.occupants(rooms.find(name).id());
  }
}
