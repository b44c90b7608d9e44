/**
 * The wire contract of {@code shared/protocol.md} as Java types: the WebSocket frames in each direction,
 * the REST request and response bodies, and {@link chat.dto.WireJson}, the one JSON-B configuration that
 * the server, the desktop app and the bots all encode and decode with.
 */
package chat.dto;
