/** Who is in which room right now. */
package chat.server.presence;
