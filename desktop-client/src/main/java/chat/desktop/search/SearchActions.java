package chat.desktop.search;

import chat.dto.SearchResults;

/** What search asks of the server. */
public interface SearchActions {

  /**
   * A page of the user's messages that match {@code query}, best first: in {@code room} and from {@code
   * from} alone when they are given, after the cursor {@code before} a page gave; null for none of these.
   */
  SearchResults search(String query, String room, String from, String before);
}
