-- What a user's account keeps of their channels (docs/protocol.md, "Your channels"): how far they have
-- read each, whether they muted it, and which messages name them.

-- A room's member row holds the member's marker and mute; a room joined before this reads as read.
ALTER TABLE room_member ADD COLUMN read_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE room_member ADD COLUMN muted boolean NOT NULL DEFAULT false;
UPDATE room_member rm SET read_seq = r.last_seq FROM room r WHERE r.id = rm.room_id;

-- A conversation's two readers, each with a row once they mark or mute it. Apart from the conversation
-- row, which the message writer locks for every message it numbers.
CREATE TABLE conversation_reader (
    conversation_id bigint  NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    account_id      bigint  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    read_seq        bigint  NOT NULL DEFAULT 0,
    muted           boolean NOT NULL DEFAULT false,
    PRIMARY KEY (conversation_id, account_id)
);
-- A conversation had before this reads as read, as a room does.
INSERT INTO conversation_reader (conversation_id, account_id, read_seq)
SELECT id, user_low, last_seq FROM conversation UNION ALL SELECT id, user_high, last_seq FROM conversation;
-- A user's conversations are listed at every connection: found by either of its two users.
CREATE INDEX conversation_user_high ON conversation (user_high);

-- The users a message names who could see it when it was stored; counted after a reader's marker.
CREATE TABLE message_mention (
    message_id bigint NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    PRIMARY KEY (message_id, account_id)
);
