package chat.server.search;

import chat.dto.SearchResults;
import chat.dto.User;
import chat.server.ratelimit.RateLimits;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Search over the caller's rooms and conversations: checked, limited, then asked of the store. */
@ApplicationScoped
public class SearchService {

  private SearchStore store;
  private RoomService rooms;
  private RateLimits limits;

  protected SearchService() {}

  @Inject
  SearchService(SearchStore store, RoomService rooms, RateLimits limits) {
    this.store = store;
    this.rooms = rooms;
    this.limits = limits;
  }

  SearchResults search(User caller, SearchQuery query) {
    String words = query.words();
    String room = query.room();
    String from = query.from();
    SearchCursor before = query.before();
    int limit = query.limit();
    limits.searches().acquire(caller.id());
    Long roomId = room == null ? null : rooms.joined(room, caller, "search it").id();
    SearchStore.Page page = store.search(caller.id(), words, roomId, from, before, limit);
    return new SearchResults(page.found(), page.next() == null ? null : page.next().encode());
  }
}
