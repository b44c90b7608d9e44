/**
 * The hostile-input suite: what a hostile client, a forging proxy or a stranger on the grid can throw at
 * a node, and the proof that nobody else is hurt by it (docs/security.md). Each class takes one kind of
 * attack; every test ends by checking that ordinary users are still served.
 */
package chat.server.hostile;
