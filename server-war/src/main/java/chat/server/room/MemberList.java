package chat.server.room;

import chat.dto.MemberPage;
import chat.dto.RoomMember;
import chat.dto.User;
import chat.server.error.ChatException;
import chat.server.input.InputText;
import chat.server.presence.RoomPresence;
import chat.server.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A room's members as a reader may see them (docs/protocol.md, "Working with messages"), a page at a
 * time: each with their role, whether they are in the room now (presence) and, for a reader who
 * moderates the room or for the member themselves, their silence (read from {@link Silences}, in
 * memory). A read that tells no one anything: the live frames stay presence's.
 */
@ApplicationScoped
public class MemberList {

  private RoomService rooms;
  private MemberStore store;
  private Silences silences;
  private RoomPresence presence;
  private RateLimits limits;
  private int mostPerPage;

  protected MemberList() {}

  @Inject
  MemberList(
      RoomService rooms,
      MemberStore store,
      Silences silences,
      RoomPresence presence,
      RateLimits limits,
      @ConfigProperty(name = "chat.members.page", defaultValue = "200") int mostPerPage) {
    this.rooms = rooms;
    this.store = store;
    this.silences = silences;
    this.presence = presence;
    this.limits = limits;
    this.mostPerPage = mostPerPage;
  }

  /**
   * The members after the username {@code after} (null: from the first), {@code limit} of them at most
   * (null: the most a page holds); {@code not_found} for a room the reader may not see.
   */
  public MemberPage page(User reader, String roomName, String after, Integer limit) {
    if (limit != null && (limit < 1 || limit > mostPerPage)) {
      throw ChatException.invalid("limit is 1 to " + mostPerPage);
    }
    String from = after == null ? "" : InputText.plain("after", after);
    // Counted with the other reads the apps repeat (channel lists, read markers): they ask it again every few seconds.
    limits.reads().acquire(reader.id());
    RoomAccess room = rooms.access(roomName, reader);
    int size = limit == null ? mostPerPage : limit;
    // One more than the page, to tell whether there are more without counting them.
    List<MemberStore.Row> rows = store.page(room.id(), from, size + 1);
    Set<Long> online = presence.members(room.id()).stream().map(User::id).collect(Collectors.toSet());
    boolean seesSilences = room.moderatedBy(reader);
    List<RoomMember> members =
        rows.stream()
            .limit(size)
            .map(row -> member(room, row, online, seesSilences || row.user().id() == reader.id()))
            .toList();
    return new MemberPage(members, rows.size() > size ? true : null);
  }

  private RoomMember member(RoomAccess room, MemberStore.Row row, Set<Long> online, boolean seesSilence) {
    User user = row.user();
    String role = room.ownerId() == user.id() ? "owner" : row.moderator() ? "moderator" : "member";
    Instant silencedUntil = seesSilence ? silences.until(room.id(), user.id()).orElse(null) : null;
    return new RoomMember(user, role, online.contains(user.id()), silencedUntil);
  }
}
