package chat.server.message;

import chat.dto.Limits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/limits}, for anyone: welcome's limits before a client has a socket or an account (a
 * load tool sizing its run against the target's rate limits).
 */
@ApplicationScoped
@Path("limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {

  private MessageService messages;

  protected LimitsResource() {}

  @Inject
  LimitsResource(MessageService messages) {
    this.messages = messages;
  }

  @GET
  public Limits limits() {
    return messages.limits();
  }
}
