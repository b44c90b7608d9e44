/**
 * Files sent with messages (docs/protocol.md, "Files"; docs/decisions/0035): uploads streamed into a
 * {@link chat.server.file.ByteStore}, their type read from their bytes, and every fetch checked against
 * the message that holds the file.
 */
package chat.server.file;
