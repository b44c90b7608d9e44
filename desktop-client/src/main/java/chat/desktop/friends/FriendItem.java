package chat.desktop.friends;

import chat.dto.User;

/** A friend in the list: online or not, and how many of their direct messages are unread. */
public record FriendItem(User user, boolean online, int unread) {}
