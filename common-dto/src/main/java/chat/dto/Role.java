package chat.dto;

/** What a user may do: every user chats, an ADMIN also moderates. */
public enum Role {
  USER,
  ADMIN
}
