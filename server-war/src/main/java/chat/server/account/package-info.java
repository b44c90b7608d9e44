/**
 * Who is who: sign-up and login with bcrypt-hashed passwords, signed expiring tokens that any node can
 * check without a shared session store, the REST filter that turns a bearer token into a caller, and the
 * administrator named by the configuration.
 */
package chat.server.account;
