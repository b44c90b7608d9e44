package chat.dto;

import java.util.List;

/**
 * A page of {@code GET /api/search}: the messages found, best first, and the cursor of the next page
 * ({@code before}), absent on the last one.
 */
public record SearchResults(List<Found> results, String before) {

  /** The most results a page holds, and how many when the caller names no limit. */
  public static final int MAX_LIMIT = 50;

  public static final int DEFAULT_LIMIT = 20;

  /** The longest query, in characters. */
  public static final int MAX_QUERY = 200;

  /** One message found, as history gives it, and the part of its text around the words found. */
  public record Found(Message message, List<Piece> headline) {}

  /** A piece of a headline, in order: {@code match} true where the query's words were found. */
  public record Piece(String text, Boolean match) {}
}
