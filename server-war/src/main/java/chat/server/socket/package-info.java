/**
 * The WebSocket gateway: the handshake check, the {@code /ws} endpoint that decodes frames and hands
 * them to the features, and this node's sockets with their bounded, asynchronous send queues, so one slow
 * client never holds up the others.
 */
package chat.server.socket;
