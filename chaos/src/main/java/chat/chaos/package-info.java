/**
 * The chaos suite: a cluster of this machine's real parts (nodes, PostgreSQL, HAProxy), the bots at a
 * steady rate through its balancer, and one fault at a time; a report per fault of what was lost,
 * duplicated, delayed or refused (docs/reliability.md).
 */
package chat.chaos;
