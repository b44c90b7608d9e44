/**
 * "ann is typing...": passed on across the grid to the others in a room or to a friend, never stored
 * (docs/protocol.md, "Your channels").
 */
package chat.server.typing;
