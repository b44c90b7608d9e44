package chat.desktop.friends;

import chat.dto.AccountOverview;

/** What the friends screen asks of the server; each returns the contract's status word. */
public interface FriendActions {

  AccountOverview account();

  String addFriend(String username);

  String removeFriend(String username);

  String block(String username);

  String unblock(String username);
}
