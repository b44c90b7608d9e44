/** The emoji the chat knows: reactions are made of them, and {@code :shortcode:} text names them. */
package chat.server.emoji;
