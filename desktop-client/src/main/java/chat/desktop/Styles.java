package chat.desktop;

/**
 * The style classes the views set, named once: {@code chat.css} styles them, and the tests find rows'
 * actions by them.
 */
public final class Styles {

  private Styles() {}

  // Text
  public static final String MUTED = "muted";
  public static final String ERROR = "error";
  public static final String SECTION = "section";
  public static final String BADGE = "badge";
  public static final String SERVICE = "service";
  public static final String DANGER = "danger";

  // Presence
  public static final String ONLINE_DOT = "online-dot";
  public static final String OFFLINE_DOT = "offline-dot";

  // Screens and bars
  public static final String LOGIN_PAGE = "login-page";
  public static final String LOGIN_FORM = "login-form";
  public static final String LOGIN_TITLE = "login-title";
  public static final String TOP_BAR = "top-bar";
  public static final String STATUS_BAR = "status-bar";
  public static final String CONNECTION = "connection";
  public static final String TOAST = "toast";

  // Rooms
  public static final String ROOM_JOINED = "room-joined";
  public static final String ROOM_OTHER = "room-other";
  /** A room the user muted: its name dimmed. */
  public static final String ROOM_MUTED = "room-muted";
  /** The badge of the messages that mention the user. */
  public static final String MENTION_BADGE = "mention-badge";

  // A conversation
  public static final String CONVERSATION_HEADER = "conversation-header";
  public static final String CONVERSATION_TITLE = "conversation-title";
  public static final String SENDER = "sender";
  public static final String MESSAGE_TEXT = "message-text";
  public static final String MESSAGE_ACTIONS = "message-actions";
  public static final String MINE = "mine";
  public static final String THEIRS = "theirs";
  /** A message that mentions the user looking. */
  public static final String MENTION = "mention";
  public static final String EDITED = "edited";
  public static final String PRIVATE_ROOM = "private-room";
  public static final String SILENCED = "silenced";
  /** A member's role in a room (owner, moderator), beside their name among the members. */
  public static final String ROLE = "role";
  /** A member silenced in the room, as moderators see it among the members. */
  public static final String SILENCED_TAG = "silenced-tag";
  public static final String QUOTE = "quote";
  public static final String REACTION = "reaction";
  public static final String EMOJI_PICK = "emoji-pick";
  public static final String TYPING = "typing";

  // Files: attached to the draft, and on messages
  /** A file attached to the draft, above the composer: its name, size, progress and ×. */
  public static final String ATTACHMENT = "attachment";
  /** An attachment's ×: stops its upload, or deletes it from the server. */
  public static final String DETACH = "detach";
  /** A picture on a message: its preview, a click opens it in full. */
  public static final String PICTURE = "picture";
  /** Any other file on a message: its icon, name, size and type, and Save…. */
  public static final String FILE_CARD = "file-card";
  public static final String FILE_ICON = "file-icon";
  public static final String FILE_NAME = "file-name";
  public static final String SAVE_FILE = "save-file";
  /** A file the server no longer has: its message was deleted. */
  public static final String UNAVAILABLE = "unavailable";

  // A message's text, as its conventions format it (chat.desktop.text)
  /** Every Text node of a message's text: coloured by the theme, which a bare Text is not. */
  public static final String TEXT_RUN = "text-run";
  public static final String BOLD = "bold";
  public static final String ITALIC = "italic";
  public static final String CODE_SPAN = "code-span";
  public static final String EMOJI = "emoji";
  public static final String CODE_BLOCK = "code-block";
  /** Lines quoted with "> " (a reply's quote of its original is {@link #QUOTE}). */
  public static final String QUOTED = "quoted";
  public static final String LIST_MARKER = "list-marker";

  // Search (chat.desktop.search)
  public static final String SEARCH_RESULT = "search-result";
  /** Where a result is: a room, or the conversation with someone. */
  public static final String SEARCH_WHERE = "search-where";
  /** A result's headline: the part of its text around the words found, as Text nodes. */
  public static final String SEARCH_HEADLINE = "search-headline";
  /** A piece of a headline the search matched: in bold. */
  public static final String SEARCH_MATCH = "search-match";

  /** AtlantaFX's compact size, for buttons inside a list's rows. */
  public static final String SMALL = "small";

  // Actions on a friend or another user's row
  public static final String MESSAGE = "message";
  public static final String REMOVE = "remove";
  public static final String ACCEPT = "accept";
  public static final String DECLINE = "decline";
  public static final String CANCEL = "cancel";
  public static final String UNBLOCK = "unblock";
}
