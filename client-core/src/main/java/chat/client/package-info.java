/**
 * A Java client of the chat's wire contract, with no UI: {@link chat.client.ChatApi} for the REST
 * routes (files uploaded streamed from the disk, with their progress, and cancellable) and {@link
 * chat.client.ChatConnection} for the one WebSocket, which keeps itself connected
 * (heartbeat, reconnect with backoff and jitter), rejoins its rooms with {@code after}, catches up on
 * direct messages, and resends what was not acknowledged under the same {@code clientId}. The desktop
 * app uses it.
 */
package chat.client;
