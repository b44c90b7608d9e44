package chat.dto;

/**
 * What a user may do: every person chats, an ADMIN also moderates. A SERVICE is another system posting
 * through an API key: it has no password and no friends, and clients show it as a service.
 */
public enum Role {
  USER,
  ADMIN,
  SERVICE
}
