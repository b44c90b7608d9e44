/**
 * What a user's account keeps of their channels beside the messages (docs/protocol.md, "Your
 * channels"): read markers, written in batches; mutes; and the list of channels with their unread and
 * mention counts.
 */
package chat.server.reading;
