package chat.server.room;

import chat.dto.ErrorCode;
import chat.dto.Role;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
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

  /**
   * How {@code viewer} stands in each room: a room and, when the viewer is a member, their row. A
   * private room shows to its members (and administrators) only; the condition on the flag keeps the
   * others out in the query itself.
   */
  private static final String ACCESS =
      """
      SELECT r.id, r.name, r.is_private, r.created_by, rm.account_id IS NOT NULL, coalesce(rm.moderator, false),
        a.username, r.created_at
      FROM room r JOIN account a ON a.id = r.created_by
        LEFT JOIN room_member rm ON rm.room_id = r.id AND rm.account_id = ?1
      """;

  /** The rooms {@code viewer} may see, with their role in those they are a member of. */
  @SuppressWarnings("unchecked")
  public List<Room> list(User viewer) {
    List<Object[]> rows =
        em.createNativeQuery(ACCESS + " WHERE NOT r.is_private OR rm.account_id IS NOT NULL OR r.created_by = ?1 OR ?2 ORDER BY r.name")
            .setParameter(1, viewer.id())
            .setParameter(2, viewer.role() == Role.ADMIN)
            .getResultList();
    return rows.stream()
        .map(
            row -> {
              RoomAccess access = access(row);
              return new Room(
                  access.id(), access.name(), (String) row[6], instant(row[7]), presence.online(access.id()),
                  access.isPrivate(), access.roleOf(viewer));
            })
        .toList();
  }

  /**
   * Creates a room; a private one has its creator as its first member, since no one else may join it
   * until invited.
   */
  public Room create(String requestedName, User creator, boolean isPrivate) {
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
    ChatRoom room = new ChatRoom(name, em.getReference(Account.class, creator.id()), createdAt, isPrivate);
    UniqueInsert.persist(em, room, () -> exists);
    if (isPrivate) {
      remember(room.id(), creator.id());
      return new Room(room.id(), name, creator.username(), createdAt, 0, true, "owner");
    }
    return new Room(room.id(), name, creator.username(), createdAt, 0, false, null);
  }

  /**
   * The room of that name, ignoring case, as {@code viewer} may see it; {@code not_found} when there is
   * none, and for a private room they are not a member of: the same answer, so that a name reveals
   * nothing.
   */
  public RoomRef find(String name, User viewer) {
    return access(name, viewer).ref();
  }

  /**
   * The room of that name when {@code viewer} is a member of it, for what only members do ({@code
   * forWhat}); {@code not_found} as for {@link #find}, {@code forbidden} for a room they have not joined.
   */
  public RoomRef joined(String name, User viewer, String forWhat) {
    RoomAccess access = access(name, viewer);
    if (!access.member()) {
      throw ChatException.forbidden("join the room '" + access.name() + "' to " + forWhat);
    }
    return access.ref();
  }

  /** How {@code viewer} stands in the room of that name; {@code not_found} as for {@link #find}. */
  @SuppressWarnings("unchecked")
  RoomAccess access(String name, User viewer) {
    String wanted = name == null ? "" : InputText.plain("room", name).strip();
    List<Object[]> rows =
        em.createNativeQuery(ACCESS + " WHERE lower(r.name) = lower(?2)")
            .setParameter(1, viewer.id())
            .setParameter(2, wanted)
            .getResultList();
    return rows.stream()
        .map(RoomService::access)
        .filter(access -> access.visibleTo(viewer))
        .findFirst()
        .orElseThrow(() -> ChatException.notFound("no room named '" + name + "'"));
  }

  private static RoomAccess access(Object[] row) {
    return new RoomAccess(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (Boolean) row[2],
        ((Number) row[3]).longValue(),
        (Boolean) row[4],
        (Boolean) row[5]);
  }

  /** A timestamp as the driver hands a native query's column over, in either of its two types. */
  private static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : ((OffsetDateTime) value).toInstant();
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

  /** Whether {@code user} moderates the room of that id: its owner, one of its moderators, or an administrator. */
  @SuppressWarnings("unchecked")
  public boolean moderates(long roomId, User user) {
    List<Object[]> rows =
        em.createNativeQuery(ACCESS + " WHERE r.id = ?2").setParameter(1, user.id()).setParameter(2, roomId).getResultList();
    return rows.stream().map(RoomService::access).anyMatch(access -> access.moderatedBy(user));
  }

  /** Whether {@code viewer} may read the room of that id, as {@link #find} lets them: its history, its files. */
  @SuppressWarnings("unchecked")
  public boolean visible(long roomId, User viewer) {
    List<Object[]> rows =
        em.createNativeQuery(ACCESS + " WHERE r.id = ?2").setParameter(1, viewer.id()).setParameter(2, roomId).getResultList();
    return rows.stream().map(RoomService::access).anyMatch(access -> access.visibleTo(viewer));
  }

  /** Names ({@code on}) or unnames a member a moderator of the room; false when they are no member. */
  boolean moderator(long roomId, long accountId, boolean on) {
    return em.createNativeQuery("UPDATE room_member SET moderator = ? WHERE room_id = ? AND account_id = ?")
            .setParameter(1, on)
            .setParameter(2, roomId)
            .setParameter(3, accountId)
            .executeUpdate()
        == 1;
  }

  /** Keeps a silence until {@code until}, which a time already past lifts. */
  void silence(long roomId, long accountId, Instant until) {
    em.createNativeQuery(
            "INSERT INTO room_silence (room_id, account_id, until) VALUES (?, ?, ?)"
                + " ON CONFLICT (room_id, account_id) DO UPDATE SET until = excluded.until")
        .setParameter(1, roomId)
        .setParameter(2, accountId)
        .setParameter(3, until.atOffset(ZoneOffset.UTC))
        .executeUpdate();
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
