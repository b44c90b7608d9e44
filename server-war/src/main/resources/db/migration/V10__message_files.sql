-- The files a message carries (docs/protocol.md, "Files"), as they were when it was sent: what every
-- read of the message shows, kept with it so that history reads no other table for it. Null for none.
-- Who may fetch a file is still asked of shared_file.message_id, set by the same statement.
ALTER TABLE message ADD COLUMN files jsonb;
