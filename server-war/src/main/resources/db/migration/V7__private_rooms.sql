-- Private rooms and their moderators (docs/protocol.md, "Working with messages"): a private room is
-- seen by its members only, who are invited; its creator (room.created_by) owns it, and names
-- moderators among its members.
ALTER TABLE room ADD COLUMN is_private boolean NOT NULL DEFAULT false;
ALTER TABLE room_member ADD COLUMN moderator boolean NOT NULL DEFAULT false;

-- A member a moderator silenced in a room, until when; a lifted silence is deleted.
CREATE TABLE room_silence (
    room_id    bigint      NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    until      timestamptz NOT NULL,
    PRIMARY KEY (room_id, account_id)
);
