-- Every token carries the version of its account's tokens when it was issued; raising the version
-- (log out everywhere, a new password, a ban) ends every token issued before, on every node.
ALTER TABLE account ADD COLUMN token_version integer NOT NULL DEFAULT 0;
