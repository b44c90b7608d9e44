-- The cleaner's way to the files of deleted messages (docs/protocol.md, "Files"): the few deleted
-- messages that still carry files, so a pass reads those and not every file with its message. The
-- cleaner clears a message's files as it deletes them; a deleted message shows none anyway.
CREATE INDEX message_deleted_with_files ON message (id) WHERE deleted_at IS NOT NULL AND files IS NOT NULL;

-- A message's row goes only with its room or its sender's account: its files' rows go with it.
ALTER TABLE shared_file DROP CONSTRAINT shared_file_message_id_fkey,
  ADD CONSTRAINT shared_file_message_id_fkey FOREIGN KEY (message_id) REFERENCES message (id) ON DELETE CASCADE;
