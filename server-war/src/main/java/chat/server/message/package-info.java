/**
 * The store-and-send path. {@link chat.server.message.MessageWriter} batches messages from every socket
 * of the node into one transaction at a time and acknowledges each only once it is committed;
 * {@link chat.server.message.MessageStore} is the SQL behind it, {@link chat.server.message.HistoryStore} behind history.
 */
package chat.server.message;
