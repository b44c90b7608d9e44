package chat.server.search;

import chat.dto.SearchResults;
import chat.dto.User;
import chat.server.ratelimit.RateLimits;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

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
    List<SearchStore.Hit> hits = store.search(caller.id(), words, roomId, from, before, limit);
    boolean more = hits.size() > limit;
    List<SearchStore.Hit> page = more ? hits.subList(0, limit) : hits;
    return new SearchResults(
        page.stream().map(SearchStore.Hit::found).toList(), more ? page.get(page.size() - 1).at().encode() : null);
  }
}
