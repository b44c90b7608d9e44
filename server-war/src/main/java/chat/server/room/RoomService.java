package chat.server.room;

import chat.dto.ErrorCode;
import chat.dto.Room;
import chat.dto.User;
import chat.server.account.Account;
import chat.server.database.JpaService;
import chat.server.database.UniqueInsert;
import chat.server.error.ChatException;
import chat.server.input.InputText;
import chat.server.presence.RoomPresence;
import chat.server.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Creating, listing and finding rooms, and remembering who joined which. */
@ApplicationScoped
@Transactional
@JpaService
public class RoomService {

  private static final int MAX_NAME = 64;

  @PersistenceContext(unitName = "chat")
  EntityManager em;

  private RoomPresence presence;
  private RateLimits limits;

  protected RoomService() {}

  @Inject
  RoomService(RoomPresence presence, RateLimits limits) {
    this.presence = presence;
    this.limits = limits;
  }

  public List<Room> list() {
    return em.createNamedQuery(ChatRoom.ALL, ChatRoom.class).getResultStream()
        .map(room -> room.toRoom(presence.online(room.id())))
        .toList();
  }

  public Room create(String requestedName, User creator) {
    limits.rooms().acquire(creator.id());
    String name = requestedName == null ? "" : InputText.plain("name", requestedName).strip();
    if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME) {
      throw ChatException.invalid("a room name is 1 to 64 characters, without control characters");
    }
    ChatException exists = new ChatException(ErrorCode.CONFLICT, "a room named '" + name + "' exists");
    if (em.createNamedQuery(ChatRoom.BY_NAME, ChatRoom.class).setParameter("name", name)
        .getResultStream().findAny().isPresent()) {
      throw exists;
    }
    Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ChatRoom room = new ChatRoom(name, em.getReference(Account.class, creator.id()), createdAt);
    UniqueInsert.persist(em, room, () -> exists);
    return new Room(room.id(), name, creator.username(), createdAt, 0);
  }

  /** The room of that name, ignoring case; {@code not_found} when there is none. */
  public RoomRef find(String name) {
    return em.createNamedQuery(ChatRoom.BY_NAME, ChatRoom.class)
        .setParameter("name", name == null ? "" : InputText.plain("room", name).strip())
        .getResultStream()
        .findFirst()
        .map(room -> new RoomRef(room.id(), room.name()))
        .orElseThrow(() -> ChatException.notFound("no room named '" + name + "'"));
  }

  /** The name of a room known to exist; used where only its id travelled. */
  public String nameOf(long roomId) {
    ChatRoom room = em.find(ChatRoom.class, roomId);
    return room == null ? "#" + roomId : room.name();
  }

  /**
   * Makes the user a member; true when they were not one yet. A new member has read the room up to
   * now: what came before they joined is history, not unread.
   */
  public boolean remember(long roomId, long accountId) {
    return em.createNativeQuery(
                "INSERT INTO room_member (room_id, account_id, read_seq) SELECT id, ?, last_seq FROM room"
                    + " WHERE id = ? ON CONFLICT DO NOTHING")
            .setParameter(1, accountId)
            .setParameter(2, roomId)
            .executeUpdate()
        == 1;
  }

  /** Ends the user's membership; true when they were a member. */
  public boolean forget(long roomId, long accountId) {
    return em.createNativeQuery("DELETE FROM room_member WHERE room_id = ? AND account_id = ?")
            .setParameter(1, roomId)
            .setParameter(2, accountId)
            .executeUpdate()
        == 1;
  }

  /** The names of the rooms the user is a member of, as created, in name order. */
  @SuppressWarnings("unchecked")
  public List<String> roomsOf(long accountId) {
    return em.createNativeQuery(
            "SELECT r.name FROM room_member rm JOIN room r ON r.id = rm.room_id WHERE rm.account_id = ?"
                + " ORDER BY lower(r.name)")
        .setParameter(1, accountId)
        .getResultList();
  }
}
