package chat.server.search;

import chat.dto.SearchResults;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /api/search}: the caller's messages that match a query (docs/protocol.md). */
@ApplicationScoped
@Path("search")
@RequiresUser
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  private SearchService search;

  protected SearchResource() {}

  @Inject
  SearchResource(SearchService search) {
    this.search = search;
  }

  @GET
  public SearchResults search(@BeanParam SearchQuery query, @Context SecurityContext security) {
    return search.search(Caller.of(security), query);
  }
}
