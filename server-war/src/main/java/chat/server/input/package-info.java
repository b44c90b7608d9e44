/** Checks on the text and query parameters a client sends, refused with {@code invalid_request}. */
package chat.server.input;
