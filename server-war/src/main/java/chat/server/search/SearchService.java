package chat.server.search;

import chat.dto.SearchResults;
import chat.dto.User;
import chat.server.ratelimit.RateLimits;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Search over the caller's rooms and conversations: checked, limited, then asked of the store in a free slot. */
@ApplicationScoped
public class SearchService {

  private SearchStore store;
  private RoomService rooms;
  private RateLimits limits;
  private SearchSlots slots;

  protected SearchService() {}

  @Inject
  SearchService(
      SearchStore store,
      RoomService rooms,
      RateLimits limits,
      @ConfigProperty(name = "chat.search.concurrent", defaultValue = "4") int concurrent) {
    this.store = store;
    this.rooms = rooms;
    this.limits = limits;
    this.slots = new SearchSlots(concurrent);
  }

  SearchResults search(User caller, SearchQuery query) {
    String words = query.words();
    String room = query.room();
    String from = query.from();
    SearchCursor before = query.before();
    int limit = query.limit();
    limits.searches().acquire(caller.id());
    Long roomId = room == null ? null : rooms.joined(room, caller, "search it").id();
    SearchStore.Page page = slots.run(() -> store.search(caller.id(), words, roomId, from, before, limit));
    return new SearchResults(page.found(), page.next() == null ? null : page.next().encode());
  }
}
