package chat.server.integration;

import chat.dto.Delivered;
import chat.dto.ErrorCode;
import chat.dto.Message;
import chat.dto.Notify;
import chat.dto.ServerFrame;
import chat.dto.ServiceMessage;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.account.AccountService;
import chat.server.error.ChatException;
import chat.server.events.UserNotices;
import chat.server.message.MessageService;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/** {@code /api/s2s}: what another service may do with an API key (docs/protocol.md). */
@ApplicationScoped
@Path("s2s")
@RequiresApiKey
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

  private static final Pattern KIND = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final int MAX_DATA_BYTES = 4096;

  private MessageService messages;
  private RoomService rooms;
  private AccountService accounts;
  private UserNotices notices;

  protected ServicesResource() {}

  @Inject
  ServicesResource(MessageService messages, RoomService rooms, AccountService accounts, UserNotices notices) {
    this.messages = messages;
    this.rooms = rooms;
    this.accounts = accounts;
    this.notices = notices;
  }

  @POST
  @Path("rooms/{name}/messages")
  public Message post(@PathParam("name") String room, ServiceMessage body, @Context SecurityContext security) {
    ServiceCaller caller = caller(security);
    caller.require(Scope.ROOMS_PUBLISH);
    if (body == null) {
      throw ChatException.invalid("send {\"text\": ..., \"clientId\": ...}");
    }
    return await(messages.postAsService(caller.service(), rooms.find(room, caller.service()), body.text(), body.clientId()));
  }

  @POST
  @Path("users/{username}/notify")
  public Delivered notify(
      @PathParam("username") String username, Notify body, @Context SecurityContext security) {
    ServiceCaller caller = caller(security);
    caller.require(Scope.USERS_NOTIFY);
    if (body == null || body.kind() == null || !KIND.matcher(body.kind()).matches()) {
      throw ChatException.invalid("send {\"kind\": 1 to 64 of [A-Za-z0-9_.:-], \"data\": any JSON}");
    }
    if (body.data() != null && WireJson.toJson(body.data()).getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
      throw new ChatException(ErrorCode.PAYLOAD_TOO_LARGE, "data is at most " + MAX_DATA_BYTES + " bytes as JSON");
    }
    User target = accounts.named(username);
    String frame = WireJson.toJson(new ServerFrame.Notification(caller.service(), body.kind(), body.data()));
    return new Delivered(await(notices.notify(target.id(), frame)));
  }

  private static ServiceCaller caller(SecurityContext security) {
    return (ServiceCaller) security.getUserPrincipal();
  }

  /** Both answers are bounded (the write timeout, the nodes' two seconds), so a request thread waits. */
  private static <T> T await(CompletionStage<T> answer) {
    try {
      return answer.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
