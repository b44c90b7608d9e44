/**
 * PostgreSQL, the source of truth. {@link chat.server.database.ChatDataSource} points the container's
 * pool at CHAT_DB_URL, or at an embedded PostgreSQL it starts under CHAT_DATA_DIR when none is given;
 * {@link chat.server.database.Migrations} brings the schema up to date before the node takes traffic.
 */
package chat.server.database;
