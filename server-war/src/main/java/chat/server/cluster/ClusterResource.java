package chat.server.cluster;

import chat.dto.ClusterView;
import chat.dto.ServerFrame;
import chat.dto.WireJson;
import chat.server.account.RequiresAdmin;
import chat.server.account.RequiresUser;
import chat.server.config.NodeIdentity;
import chat.server.events.Broadcast;
import chat.server.events.ChatEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The administrators' view of the cluster: {@code POST /api/ping} and {@code GET /api/cluster}. */
@ApplicationScoped
@Path("")
@RequiresUser
@RequiresAdmin
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

  private ClusterMembers members;
  private ChatEvents events;
  private NodeIdentity node;

  protected ClusterResource() {}

  @Inject
  ClusterResource(ClusterMembers members, ChatEvents events, NodeIdentity node) {
    this.members = members;
    this.events = events;
    this.node = node;
  }

  /** Every socket on every node receives {@code {"type": "ping", "from": <this node>}}. */
  @POST
  @Path("ping")
  public Response ping() {
    events.publish(new Broadcast(WireJson.toJson(new ServerFrame.AdminPing(node.name()))));
    return Response.accepted().build();
  }

  @GET
  @Path("cluster")
  public ClusterView cluster() {
    return members.view();
  }
}
