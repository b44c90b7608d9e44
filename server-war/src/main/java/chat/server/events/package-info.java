/**
 * What happens that sockets must hear about, and the one interface it travels through. The chat code
 * publishes here and never knows whether delivery stays on this node or crosses the cluster.
 */
package chat.server.events;
