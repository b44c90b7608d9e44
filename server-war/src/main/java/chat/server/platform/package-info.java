/**
 * What every feature leans on: typed configuration, the node's identity, the JAX-RS application with
 * the shared JSON codec, the one mapping of errors to the contract's error body, and health checks.
 */
package chat.server.platform;
