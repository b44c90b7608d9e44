package chat.server.events;

import chat.dto.Role;

/**
 * What every node must know of an account without asking the database on each request: its role, and
 * the version below which its tokens no longer count (raised to end every token issued before). Every
 * node updates its copy, and closes the account's sockets whose tokens are older (4001).
 */
public record AccountChanged(long userId, int tokenVersion, Role role) implements ChatEvent {}
