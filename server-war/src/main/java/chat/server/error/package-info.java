/**
 * How a request fails: {@link chat.server.error.ChatException} carries one of the contract's error codes,
 * and {@link chat.server.error.DatabaseFailure} is the one way the stores fail. The web edge and the
 * socket each map them once.
 */
package chat.server.error;
