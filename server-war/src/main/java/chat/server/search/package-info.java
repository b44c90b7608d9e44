/**
 * Search over what a user may read (docs/protocol.md, "Working with messages"; docs/decisions/0033):
 * PostgreSQL's full-text search on an expression index, read for the caller, ranked and paged.
 */
package chat.server.search;
