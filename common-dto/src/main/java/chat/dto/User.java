package chat.dto;

/**
 * A user as every client sees one. The username never changes; the display name and status are the
 * user's profile, and {@code role} tells a person ({@code USER}, {@code ADMIN}) from a service.
 */
public record User(long id, String username, Role role, String displayName, String status) {

  /** As a new account shows: the display name is the username, the status empty. */
  public static User of(long id, String username, Role role) {
    return new User(id, username, role, username, "");
  }

  /** The same user with another profile. */
  public User withProfile(String newDisplayName, String newStatus) {
    return new User(id, username, role, newDisplayName, newStatus);
  }
}
