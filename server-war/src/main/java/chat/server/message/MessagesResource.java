package chat.server.message;

import chat.dto.Message;
import chat.dto.MessageEdit;
import chat.dto.User;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import chat.server.error.ChatException;
import chat.server.input.QueryParams;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * History, {@code GET /api/rooms/{name}/messages} and {@code GET /api/dms/{username}/messages}, and the
 * changes to a message: {@code PATCH} and {@code DELETE /api/messages/{id}}, its reactions.
 */
@ApplicationScoped
@Path("")
@RequiresUser
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

  private MessageService messages;
  private ChangeService changes;
  private RoomService rooms;

  protected MessagesResource() {}

  @Inject
  MessagesResource(MessageService messages, ChangeService changes, RoomService rooms) {
    this.messages = messages;
    this.changes = changes;
    this.rooms = rooms;
  }

  @GET
  @Path("rooms/{name}/messages")
  public List<Message> roomHistory(
      @PathParam("name") String name, @BeanParam PageQuery page, @Context SecurityContext security) {
    User viewer = Caller.of(security);
    return messages.page(viewer, rooms.find(name, viewer), page.range(), page.limit());
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
    changes.delete(Caller.of(security), QueryParams.optionalLong("id", id));
  }

  @PATCH
  @Path("messages/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Message edit(@PathParam("id") String id, MessageEdit edit, @Context SecurityContext security) {
    if (edit == null) {
      throw ChatException.invalid("send the new text: {\"text\": ...}");
    }
    return changes.edit(Caller.of(security), QueryParams.optionalLong("id", id), edit.text());
  }

  @PUT
  @Path("messages/{id}/reactions/{emoji}")
  public Message react(
      @PathParam("id") String id, @PathParam("emoji") String emoji, @Context SecurityContext security) {
    return changes.react(Caller.of(security), QueryParams.optionalLong("id", id), emoji, true);
  }

  @DELETE
  @Path("messages/{id}/reactions/{emoji}")
  public Message unreact(
      @PathParam("id") String id, @PathParam("emoji") String emoji, @Context SecurityContext security) {
    return changes.react(Caller.of(security), QueryParams.optionalLong("id", id), emoji, false);
  }
}
