package chat.server.events;

/**
 * The grid merged {@code node} back after a split, during which it served. Neither side heard what the
 * other published meanwhile, and the side that did not merge has no other way to know: every node reads
 * again what it keeps from events (bans, logins, profiles) and closes its sockets (1012), so that their
 * clients resume with afterSeq and fetch what the other side stored (docs/decisions/0016).
 */
public record GridMerged(String node) implements ChatEvent {}
