/**
 * Who may reach this node: the address a request comes from (behind a trusted balancer too), and the
 * bans in force, held in memory ({@link chat.server.access.BanList}) so every request, handshake and
 * frame is checked without a query, and kept current across the cluster by events. Banning itself is
 * {@code moderation}'s.
 */
package chat.server.access;
