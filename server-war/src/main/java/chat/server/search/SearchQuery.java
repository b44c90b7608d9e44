package chat.server.search;

import chat.dto.SearchResults;
import chat.server.error.ChatException;
import chat.server.input.InputText;
import chat.server.input.QueryParams;
import jakarta.ws.rs.QueryParam;

/**
 * A search's query, {@code ?q=&room=&from=&before=&limit=}, taken as text and checked by us, so a bad
 * value gets the contract's 400 naming it.
 */
public class SearchQuery {

  @QueryParam("q")
  String q;

  @QueryParam("room")
  String room;

  @QueryParam("from")
  String from;

  @QueryParam("before")
  String before;

  @QueryParam("limit")
  String limit;

  String words() {
    String words = InputText.plain("q", q);
    if (words == null || words.isBlank()) {
      throw ChatException.invalid("'q' needs a word to search for");
    }
    if (words.codePointCount(0, words.length()) > SearchResults.MAX_QUERY) {
      throw ChatException.invalid("'q' is at most " + SearchResults.MAX_QUERY + " characters");
    }
    return words;
  }

  /** The room named, stripped, or null for every room of the caller's. */
  String room() {
    return blankAsNull(InputText.plain("room", room));
  }

  /** The sender named, or null for any. */
  String from() {
    return blankAsNull(InputText.plain("from", from));
  }

  SearchCursor before() {
    return SearchCursor.decode(before);
  }

  int limit() {
    Integer asked = QueryParams.optionalInt("limit", limit);
    if (asked == null) {
      return SearchResults.DEFAULT_LIMIT;
    }
    if (asked < 1 || asked > SearchResults.MAX_LIMIT) {
      throw ChatException.invalid("'limit' is 1 to " + SearchResults.MAX_LIMIT);
    }
    return asked;
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
