/** Token buckets per user or address, one per kind of action, with their settings. */
package chat.server.ratelimit;
