package chat.server.integration;

import chat.dto.ApiKey;
import chat.dto.CreatedApiKey;
import chat.dto.NewApiKey;
import chat.server.account.Caller;
import chat.server.account.RequiresAdmin;
import chat.server.account.RequiresUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** {@code /api/admin/keys}: administrators make, list and revoke API keys. */
@ApplicationScoped
@Path("admin/keys")
@RequiresUser
@RequiresAdmin
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

  private ApiKeys keys;

  protected KeysResource() {}

  @Inject
  KeysResource(ApiKeys keys) {
    this.keys = keys;
  }

  @POST
  public Response create(NewApiKey request, @Context SecurityContext security) {
    CreatedApiKey created = keys.create(Caller.of(security), request);
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  public List<ApiKey> list() {
    return keys.list();
  }

  @DELETE
  @Path("{id}")
  public void revoke(@PathParam("id") String id) {
    keys.revoke(id);
  }
}
