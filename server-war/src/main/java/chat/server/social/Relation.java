package chat.server.social;

/** How the caller stood with another user before a change: what the change has to undo or announce. */
record Relation(
    boolean friends,
    boolean requestedByMe,
    boolean requestedByThem,
    boolean iBlock,
    boolean theyBlock) {

  /** Friends, or a request either way: the two appear in each other's lists. */
  boolean linked() {
    return friends || requestedByMe || requestedByThem;
  }
}
