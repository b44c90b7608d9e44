/**
 * Rooms: creating and listing them, who may see them, their members (listed a page at a time) and
 * their own moderation: moderators, silences, invitations and removals.
 */
package chat.server.room;
