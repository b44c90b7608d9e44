/** Rooms: creating and listing them, and who may read their history. */
package chat.server.room;
