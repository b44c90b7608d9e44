/**
 * One chat node. Each sub-package is a feature: {@code account} (sign-up, login, tokens), {@code room},
 * {@code message} (the store-and-send path), {@code socket} (the WebSocket gateway and the node's
 * sockets), {@code database} (PostgreSQL, embedded or not, and migrations) and {@code platform} (what
 * every feature leans on: configuration, JSON, errors, health, node identity).
 */
package chat.server;
