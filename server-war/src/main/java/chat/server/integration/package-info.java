/**
 * Other systems calling in: API keys that administrators make and revoke, the filter that turns
 * {@code Authorization: ApiKey} into a service caller, and the server-to-server routes (a service posts
 * into rooms and notifies users). A service is an account of role SERVICE, so what it posts is stored
 * and delivered by the same code as a person's (docs/decisions/0019).
 */
package chat.server.integration;
