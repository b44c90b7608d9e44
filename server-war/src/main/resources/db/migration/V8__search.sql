-- Search (docs/protocol.md, "Working with messages"; docs/decisions/0033): the live messages' words,
-- as the 'simple' configuration reads them (lower case, nothing stemmed or dropped), in a GIN index on
-- the expression, which queries repeat word for word. An expression index, not a stored tsvector
-- column: adding one rewrites the whole table, and every row would carry its words twice.
-- fastupdate off: with it on, inserts append to a pending list that the insert which fills it merges
-- into the index, inside the writer's transaction, which holds its channel for that long; off, each
-- insert pays its own small share (docs/benchmarks.md, "Search", has what it costs).
-- Not built CONCURRENTLY, for V6's reason; docs/deploy.md says to time it on a copy first.
CREATE INDEX IF NOT EXISTS message_search ON message USING gin (to_tsvector('simple'::regconfig, body))
    WITH (fastupdate = off) WHERE deleted_at IS NULL;
