package chat.server.message;

import chat.dto.Message;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import chat.server.input.QueryParams;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * History, {@code GET /api/rooms/{name}/messages} and {@code GET /api/dms/{username}/messages}, and
 * {@code DELETE /api/messages/{id}}.
 */
@ApplicationScoped
@Path("")
@RequiresUser
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

  private MessageService messages;
  private RoomService rooms;

  protected MessagesResource() {}

  @Inject
  MessagesResource(MessageService messages, RoomService rooms) {
    this.messages = messages;
    this.rooms = rooms;
  }

  @GET
  @Path("rooms/{name}/messages")
  public List<Message> roomHistory(
      @PathParam("name") String name, @BeanParam PageQuery page, @Context SecurityContext security) {
    return messages.page(Caller.of(security), rooms.find(name), page.range(), page.limit());
  }

  @GET
  @Path("dms/{username}/messages")
  public List<Message> conversation(
      @PathParam("username") String username, @BeanParam PageQuery page, @Context SecurityContext security) {
    return messages.directPage(Caller.of(security), username, page.range(), page.limit());
  }

  @DELETE
  @Path("messages/{id}")
  public void delete(@PathParam("id") String id, @Context SecurityContext security) {
    messages.delete(Caller.of(security), QueryParams.optionalLong("id", id));
  }
}
