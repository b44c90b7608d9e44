package chat.desktop.search;

import chat.client.Channel;
import chat.client.ChatApiException;
import chat.desktop.Problems;
import chat.desktop.Ui;
import chat.dto.Message;
import chat.dto.SearchResults;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search over the user's rooms and conversations: the words, a sender, and whether to stay in the room
 * in view; the results a page at a time, and what to say when there are none or the server refused. A
 * result opens its message in its conversation.
 */
public final class SearchViewModel {

  static final String HINT = "Search your rooms and conversations: words, \"a phrase\", this or that, -without.";

  private final SearchActions actions;
  private final Ui ui;
  private final String me;
  private final Consumer<Message> open;
  private final StringProperty query = new SimpleStringProperty("");
  private final StringProperty from = new SimpleStringProperty("");
  /** The room in view, which "only in this room" narrows to; null when none is. */
  private final StringProperty roomInView = new SimpleStringProperty();
  private final BooleanProperty onlyInRoom = new SimpleBooleanProperty(false);
  private final ObservableList<SearchResults.Found> results = FXCollections.observableArrayList();
  /** What the results are: the hint before any search, then the search's words and where, or that none match. */
  private final StringProperty status = new SimpleStringProperty(HINT);
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty more = new SimpleBooleanProperty(false);
  private final BooleanProperty searching = new SimpleBooleanProperty(false);
  /** The search the results are of: a page that comes for an earlier one is dropped. */
  private Asked asked;
  /** The next page's cursor, null after the last page. */
  private String before;

  /** {@code me} is the user's name (a conversation is named by the other); {@code open} opens a message where it is. */
  public SearchViewModel(SearchActions actions, Ui ui, String me, Consumer<Message> open) {
    this.actions = actions;
    this.ui = ui;
    this.me = me;
    this.open = open;
    // Narrowed to the room or not, the search shown is asked again.
    onlyInRoom.addListener(
        (o, was, now) -> {
          if (asked != null) {
            search();
          }
        });
  }

  /** The words to look for, as a web search box reads them. */
  public StringProperty query() {
    return query;
  }

  /** The sender's username to narrow to; blank for anyone. */
  public StringProperty from() {
    return from;
  }

  public StringProperty roomInView() {
    return roomInView;
  }

  public BooleanProperty onlyInRoom() {
    return onlyInRoom;
  }

  public ObservableList<SearchResults.Found> results() {
    return results;
  }

  public StringProperty status() {
    return status;
  }

  public StringProperty error() {
    return error;
  }

  /** Whether a page follows the results shown. */
  public BooleanProperty more() {
    return more;
  }

  public BooleanProperty searching() {
    return searching;
  }

  /** A new search, from its first page, of the words and filters as they are now. */
  public void search() {
    String words = query.get() == null ? "" : query.get().strip();
    if (words.isEmpty()) {
      error.set("Type a word to look for.");
      return;
    }
    if (words.codePointCount(0, words.length()) > SearchResults.MAX_QUERY) {
      error.set("A search is at most " + SearchResults.MAX_QUERY + " characters.");
      return;
    }
    String sender = from.get() == null ? "" : from.get().strip();
    sender = sender.startsWith("@") ? sender.substring(1) : sender;
    String room = onlyInRoom.get() ? roomInView.get() : null;
    Asked search = new Asked(words, room, sender.isEmpty() ? null : sender);
    asked = search;
    before = null;
    results.clear();
    more.set(false);
    error.set("");
    status.set("Searching…");
    fetch(search, null);
  }

  /** The next page of the search shown, below what is shown. */
  public void loadMore() {
    if (asked != null && before != null && !searching.get()) {
      fetch(asked, before);
    }
  }

  /** Opens the result's message in its room or conversation. */
  public void open(SearchResults.Found result) {
    open.accept(result.message());
  }

  /** Where a message is: {@code #room}, or {@code @user} for the conversation with that user. */
  public String where(Message message) {
    return switch (Channel.of(message, me)) {
      case Channel.RoomChannel(String room) -> "#" + room;
      case Channel.DirectChannel(String username) -> "@" + username;
    };
  }

  private void fetch(Asked search, String cursor) {
    searching.set(true);
    ui.run(
        () -> actions.search(search.words(), search.room(), search.from(), cursor),
        page -> {
          if (search != asked) {
            return;
          }
          searching.set(false);
          results.addAll(page.results());
          before = page.before();
          more.set(before != null);
          status.set(results.isEmpty() ? "No messages match " + search.described() + "." : "Best matches for " + search.described());
        },
        failure -> {
          if (search != asked) {
            return;
          }
          searching.set(false);
          if (results.isEmpty()) {
            status.set("");
          }
          error.set(describe(failure));
        });
  }

  private static String describe(Exception failure) {
    if (failure instanceof ChatApiException refusal && "rate_limited".equals(refusal.code())) {
      return refusal
          .retryAfter()
          .map(wait -> "Too many searches for now. Try again in " + wait.toSeconds() + " s.")
          .orElse("Too many searches for now. Try again in a minute.");
    }
    return Problems.describe(failure);
  }

  /** A search as it was asked. */
  private record Asked(String words, String room, String from) {

    /** The words in quotes, then where and from whom. */
    String described() {
      return "“" + words + "”" + (room == null ? "" : " in #" + room) + (from == null ? "" : " from " + from);
    }
  }
}
