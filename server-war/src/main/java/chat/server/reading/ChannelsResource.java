package chat.server.reading;

import chat.dto.ChannelState;
import chat.dto.MuteChange;
import chat.dto.ReadMark;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import chat.server.error.ChatException;
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
import java.util.List;

/** {@code /api/account/channels}, {@code /api/account/read} and {@code /api/account/mute}. */
@ApplicationScoped
@Path("")
@RequiresUser
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {

  private ReadMarkers markers;

  protected ChannelsResource() {}

  @Inject
  ChannelsResource(ReadMarkers markers) {
    this.markers = markers;
  }

  @GET
  @Path("account/channels")
  public List<ChannelState> channels(@Context SecurityContext security) {
    return markers.channels(Caller.of(security));
  }

  @POST
  @Path("account/read")
  public void read(ReadMark mark, @Context SecurityContext security) {
    if (mark == null) {
      throw ChatException.invalid("send {room or with, seq}");
    }
    markers.mark(Caller.of(security), mark.room(), mark.with(), mark.seq());
  }

  @POST
  @Path("account/mute")
  public void mute(MuteChange change, @Context SecurityContext security) {
    if (change == null) {
      throw ChatException.invalid("send {room or with, muted}");
    }
    markers.mute(Caller.of(security), change.room(), change.with(), change.muted());
  }
}
