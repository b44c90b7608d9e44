/**
 * One chat node. Each sub-package is a feature: {@code account} (sign-up, login, tokens and their
 * versions), {@code room}, {@code message} (the store-and-send path and history), {@code social}
 * (friends and blocks), {@code moderation} (bans and client addresses), {@code presence} (who is where
 * now), {@code socket} (the WebSocket gateway and the node's sockets), {@code events} (what crosses
 * nodes, as the features see it), {@code cluster} (the only package that talks to Hazelcast),
 * {@code database} (PostgreSQL, embedded or not, and migrations) and {@code platform} (what every feature
 * leans on: configuration, JSON, errors, limits, health, node identity).
 */
package chat.server;
