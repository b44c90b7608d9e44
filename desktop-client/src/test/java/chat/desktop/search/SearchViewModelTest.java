package chat.desktop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.ChatApiException;
import chat.desktop.Ui;
import chat.dto.Message;
import chat.dto.Role;
import chat.dto.SearchResults;
import chat.dto.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchViewModelTest {

  private static final User ANN = User.of(1, "ann", Role.USER);
  private static final User BOB = User.of(2, "bob", Role.USER);

  /** A server that answers the pages it is given, in turn, and remembers what it was asked. */
  private static final class Server implements SearchActions {
    final List<String> asked = new ArrayList<>();
    final Deque<Object> answers = new ArrayDeque<>();

    @Override
    public SearchResults search(String query, String room, String from, String before) {
      asked.add(query + " | " + room + " | " + from + " | " + before);
      Object answer = answers.removeFirst();
      if (answer instanceof RuntimeException failure) {
        throw failure;
      }
      return (SearchResults) answer;
    }
  }

  private final Server server = new Server();
  private final List<Message> opened = new ArrayList<>();
  private final SearchViewModel search = new SearchViewModel(server, Ui.inline(), "ann", opened::add);

  @Test
  void pagesOnWithTheCursorUntilTheLastPage() {
    server.answers.add(page("c-1", found(1), found(2)));
    server.answers.add(page(null, found(3)));
    search.query().set("  cake  ");

    search.search();
    assertEquals(List.of(1L, 2L), ids());
    assertTrue(search.more().get(), "a page follows");
    assertEquals("Best matches for “cake”", search.status().get());
    search.loadMore();
    search.loadMore();

    assertEquals(List.of(1L, 2L, 3L), ids());
    assertFalse(search.more().get(), "the last page");
    assertEquals(List.of("cake | null | null | null", "cake | null | null | c-1"), server.asked, "nothing after the last page");
  }

  @Test
  void noResultsSayWhatWasAskedWhereAndFromWhom() {
    server.answers.add(page(null));
    search.roomInView().set("general");
    search.onlyInRoom().set(true);
    search.from().set("@bob");
    search.query().set("\"lemon cake\"");

    search.search();

    assertEquals(List.of("\"lemon cake\" | general | bob | null"), server.asked);
    assertEquals(List.of(), search.results());
    assertEquals("No messages match “\"lemon cake\"” in #general from bob.", search.status().get());
  }

  @Test
  void aNewSearchStartsFromItsFirstPageAndNarrowingToTheRoomAsksAgain() {
    server.answers.add(page("c-1", found(1)));
    server.answers.add(page(null, found(2)));
    search.roomInView().set("general");
    search.query().set("cake");
    search.search();

    search.onlyInRoom().set(true);

    assertEquals(List.of(2L), ids());
    assertFalse(search.more().get());
    assertEquals("cake | general | null | null", server.asked.get(1));
  }

  @Test
  void aPageOfAnEarlierSearchIsDropped() {
    List<Runnable> onTheirWay = new ArrayList<>();
    SearchViewModel slow = new SearchViewModel(server, new Ui(Runnable::run, onTheirWay::add), "ann", opened::add);
    // Answered in the order they are run: the second search's first.
    server.answers.add(page(null, found(2)));
    server.answers.add(page(null, found(1)));
    slow.query().set("cake");
    slow.search();
    slow.query().set("tea");
    slow.search();

    onTheirWay.get(1).run();
    onTheirWay.get(0).run();

    assertEquals(List.of(2L), slow.results().stream().map(f -> f.message().id()).toList());
    assertEquals("Best matches for “tea”", slow.status().get());
  }

  @Test
  void whatIsWrongIsSaidInWords() {
    search.query().set("   ");
    search.search();
    assertEquals("Type a word to look for.", search.error().get());
    search.query().set("x".repeat(SearchResults.MAX_QUERY + 1));
    search.search();
    assertEquals("A search is at most 200 characters.", search.error().get());
    assertEquals(List.of(), server.asked, "neither went to the server");

    search.query().set("cake");
    server.answers.add(new ChatApiException(429, "rate_limited", "too many searches", Duration.ofSeconds(12)));
    search.search();
    assertEquals("Too many searches for now. Try again in 12 s.", search.error().get());
    assertEquals("", search.status().get());
    server.answers.add(
        new ChatApiException(503, "unavailable", "that search takes too long: narrow it with more words, a room or a sender", null));
    search.search();
    assertEquals("That search takes too long: narrow it with more words, a room or a sender.", search.error().get());
    assertFalse(search.searching().get());

    server.answers.add(page(null, found(1)));
    search.search();
    assertEquals("", search.error().get(), "a search that works clears the last one's error");
  }

  @Test
  void aResultSaysWhereItIsAndOpensItsMessage() {
    Message inRoom = message(1, "general", null, BOB);
    Message fromBob = message(2, null, "ann", BOB);
    Message toBob = message(3, null, "bob", ANN);

    assertEquals("#general", search.where(inRoom));
    assertEquals("@bob", search.where(fromBob));
    assertEquals("@bob", search.where(toBob), "a conversation is named by the other");
    search.open(new SearchResults.Found(fromBob, List.of()));
    assertEquals(List.of(fromBob), opened);
  }

  private List<Long> ids() {
    return search.results().stream().map(f -> f.message().id()).toList();
  }

  private static SearchResults page(String before, SearchResults.Found... found) {
    return new SearchResults(List.of(found), before);
  }

  private static SearchResults.Found found(long id) {
    return new SearchResults.Found(
        message(id, "general", null, BOB),
        List.of(new SearchResults.Piece("a ", null), new SearchResults.Piece("cake", true)));
  }

  private static Message message(long id, String room, String to, User from) {
    return new Message(id, id, room, to, from, "a cake", Instant.EPOCH, null);
  }
}
