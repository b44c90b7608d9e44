/**
 * The HTTP edge that every route shares: the JAX-RS application and its JSON codec (looked up once,
 * alone, before the first body), the body limit, the security headers, the header that names the node,
 * and the one mapping of every failure to the contract's error body.
 */
package chat.server.web;
