package chat.desktop.conversation;

/** What a click on a sender's name offers. */
public interface SenderActions {

  void addFriend(String username);

  /** Opens the direct conversation with them. */
  void message(String username);

  void block(String username);
}
