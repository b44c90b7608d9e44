package chat.server.account;

import chat.dto.Role;
import chat.dto.User;
import chat.server.events.AccountChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered user as stored; {@link User} is how the wire shows one. */
@Entity
@Table(name = "account")
@NamedQuery(
    name = Account.BY_NAME,
    query = "SELECT a FROM Account a WHERE LOWER(a.username) = LOWER(:username)")
public class Account {

  static final String BY_NAME = "Account.byName";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 32)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 60)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "token_version", nullable = false)
  private int tokenVersion;

  @Column(name = "display_name", nullable = false, length = 64)
  private String displayName;

  @Column(nullable = false, length = 140)
  private String status;

  @Column(name = "profile_version", nullable = false)
  private int profileVersion;

  protected Account() {}

  Account(String username, String passwordHash, Role role, Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = createdAt;
    this.displayName = username;
    this.status = "";
  }

  public long id() {
    return id;
  }

  public String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  /** A new password ends every token issued before it. */
  void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
    endTokens();
  }

  /** Every token issued so far stops counting. */
  void endTokens() {
    tokenVersion++;
  }

  int tokenVersion() {
    return tokenVersion;
  }

  Role role() {
    return role;
  }

  /** A new display name or status (null leaves it); checked by {@link ProfilePolicy} before. */
  void changeProfile(String newDisplayName, String newStatus) {
    if (newDisplayName != null) {
      displayName = newDisplayName;
    }
    if (newStatus != null) {
      status = newStatus;
    }
    profileVersion++;
  }

  Profile profile() {
    return new Profile(displayName, status, profileVersion);
  }

  AccountChanged change() {
    return new AccountChanged(id, tokenVersion, role);
  }

  public User toUser() {
    return new User(id, username, role, displayName, status);
  }
}
