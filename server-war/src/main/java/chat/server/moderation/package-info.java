/**
 * Bans, of users and of the addresses they used: stored in PostgreSQL, held in memory on every node
 * ({@link chat.server.moderation.BanList}) so each request and handshake is checked without a query,
 * and kept current across the cluster by events.
 */
package chat.server.moderation;
