package chat.desktop.main;

import chat.desktop.admin.AdminActions;
import chat.desktop.conversation.ConversationActions;
import chat.desktop.friends.FriendActions;
import chat.desktop.profile.ProfileActions;
import chat.desktop.rooms.RoomActions;
import chat.desktop.search.SearchActions;

/** Everything the screens ask of the server, in one: what a logged-in {@link Session} provides. */
public interface ServerActions
    extends RoomActions, ConversationActions, FriendActions, AdminActions, ProfileActions, SearchActions {}
