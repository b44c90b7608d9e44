package chat.server.room;

import chat.server.account.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A room as stored; {@link chat.dto.Room} is how the wire shows one. */
@Entity
@Table(name = "room")
@NamedQuery(
    name = ChatRoom.BY_NAME,
    query = "SELECT r FROM ChatRoom r JOIN FETCH r.createdBy WHERE LOWER(r.name) = LOWER(:name)")
public class ChatRoom {

  static final String BY_NAME = "ChatRoom.byName";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "created_by")
  private Account createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "is_private", nullable = false)
  private boolean isPrivate;

  protected ChatRoom() {}

  ChatRoom(String name, Account createdBy, Instant createdAt, boolean isPrivate) {
    this.name = name;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.isPrivate = isPrivate;
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

}
