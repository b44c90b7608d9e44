/**
 * The wire contract (docs/protocol.md) as Java types: the WebSocket frames in each direction,
 * the REST request and response bodies, and {@link chat.dto.WireJson}, the one JSON-B configuration that
 * the server and the Java clients all encode and decode with.
 */
package chat.dto;
