/**
 * The node's settings, read once from {@code CHAT_*} variables and system properties into typed values,
 * the node's name, and the secrets a node keeps in its data directory when none is configured.
 */
package chat.server.config;
