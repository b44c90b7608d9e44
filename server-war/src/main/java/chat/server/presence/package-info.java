/** Who is in which room right now, across the cluster; the cluster package keeps it in the data grid. */
package chat.server.presence;
