package chat.server.message;

import chat.server.input.QueryParams;
import jakarta.ws.rs.QueryParam;

/**
 * A history page's query, {@code ?before=&after=&limit=}, taken as text and parsed by us, so a bad
 * value gets the contract's 400 naming it.
 */
public class PageQuery {

  @QueryParam("before")
  String before;

  @QueryParam("after")
  String after;

  @QueryParam("limit")
  String limit;

  Long before() {
    return QueryParams.optionalLong("before", before);
  }

  Long after() {
    return QueryParams.optionalLong("after", after);
  }

  Integer limit() {
    return QueryParams.optionalInt("limit", limit);
  }
}
