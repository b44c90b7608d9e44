/**
 * Friends and blocks: requests, friendships and blocks in PostgreSQL, and the events that tell the
 * users concerned on whatever node they are.
 */
package chat.server.social;
