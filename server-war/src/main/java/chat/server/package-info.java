/**
 * One chat node. Each sub-package is a feature, and uses only those below it in this list (ArchUnit
 * keeps it so): {@code cluster} (the only package that talks to Hazelcast), {@code socket} (the
 * WebSocket gateway and the node's sockets), {@code moderation} (banning), {@code message} (the
 * store-and-send path and history), {@code social} (friends and blocks), {@code room}, {@code account}
 * (accounts, login, tokens and their versions), {@code access} (client addresses and the bans in force),
 * {@code presence} (who is where now), {@code events} (what crosses nodes, as the features see it),
 * {@code database} (PostgreSQL, embedded or not, and migrations), and what every feature leans on:
 * {@code web} (the HTTP edge), {@code ratelimit}, {@code input} (checks on what clients send),
 * {@code error} and {@code config}.
 */
package chat.server;
