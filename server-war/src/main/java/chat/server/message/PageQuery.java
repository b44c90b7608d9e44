package chat.server.message;

import chat.server.input.QueryParams;
import jakarta.ws.rs.QueryParam;

/**
 * A history page's query, {@code ?before=&after=&afterSeq=&changes=&limit=}, taken as text and parsed by us, so
 * a bad value gets the contract's 400 naming it.
 */
public class PageQuery {

  @QueryParam("before")
  String before;

  @QueryParam("after")
  String after;

  @QueryParam("afterSeq")
  String afterSeq;

  @QueryParam("limit")
  String limit;

  @QueryParam("changes")
  String changes;

  HistoryRange range() {
    return new HistoryRange(
        QueryParams.optionalLong("before", before),
        QueryParams.optionalLong("after", after),
        QueryParams.optionalLong("afterSeq", afterSeq),
        "true".equals(changes));
  }

  Integer limit() {
    return QueryParams.optionalInt("limit", limit);
  }
}
