-- Messages people work with (docs/protocol.md, "Working with messages"): edits, replies, reactions.

-- A change to a message (an edit, a reaction, its deletion) takes its channel's next seq
-- (docs/decisions/0030): changed_seq is the last one's, so a catch-up after seq N finds what changed
-- since as it finds what was sent since. edited_at is when its text last changed.
ALTER TABLE message ADD COLUMN changed_seq bigint;
ALTER TABLE message ADD COLUMN edited_at timestamptz;
-- What a reply answers, a message of the same channel, which the server checks before it stores the
-- reply. No foreign key: its check would run for every message the writer inserts, replies or not;
-- a message is removed only with its channel or its author, and a reply then answers nothing (history
-- reads it with an outer join). Nullable and without a default, the column costs no rewrite of the table.
ALTER TABLE message ADD COLUMN reply_to_id bigint;

-- "What changed after seq N" is one range scan. Partial: a new message has no changed_seq, so the
-- writer's inserts never touch these indexes. Not built CONCURRENTLY: Flyway holds its lock in a
-- transaction while it migrates, which a concurrent build waits for, forever (and a second node
-- waiting on that lock deadlocks it); a plain build holds the table's writes for the length of one
-- scan of it, which docs/deploy.md says to time on a copy of production before the upgrade.
CREATE INDEX IF NOT EXISTS message_room_changed ON message (room_id, changed_seq)
    WHERE changed_seq IS NOT NULL AND room_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS message_conversation_changed ON message (conversation_id, changed_seq)
    WHERE changed_seq IS NOT NULL AND conversation_id IS NOT NULL;

-- One of each emoji per user and message, in the order they came (the first few are shown by name).
CREATE TABLE reaction (
    message_id bigint      NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    emoji      text        NOT NULL,
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    reacted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (message_id, emoji, account_id)
);
-- An account removed takes its reactions with it: found without a scan.
CREATE INDEX reaction_account ON reaction (account_id);
