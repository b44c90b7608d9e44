-- Every message is numbered within its room or conversation (docs/decisions/0015): 1, 2, 3, ... in
-- commit order, so that a client can tell a gap from a quiet room. The writer assigns the numbers under
-- the row lock it takes on the room or conversation anyway, from last_seq on that row.
ALTER TABLE room ADD COLUMN last_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE conversation ADD COLUMN last_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE message ADD COLUMN seq bigint;

UPDATE message m SET seq = numbered.seq
FROM (SELECT id, row_number() OVER (PARTITION BY room_id, conversation_id ORDER BY id) AS seq FROM message) numbered
WHERE m.id = numbered.id;

UPDATE room r SET last_seq = top.seq
FROM (SELECT room_id, max(seq) AS seq FROM message WHERE room_id IS NOT NULL GROUP BY room_id) top
WHERE r.id = top.room_id;

UPDATE conversation c SET last_seq = top.seq
FROM (SELECT conversation_id, max(seq) AS seq FROM message WHERE conversation_id IS NOT NULL GROUP BY conversation_id) top
WHERE c.id = top.conversation_id;

ALTER TABLE message ALTER COLUMN seq SET NOT NULL;
-- One number per message of a channel, and "everything after seq N" is one range scan.
CREATE UNIQUE INDEX message_room_seq ON message (room_id, seq) WHERE room_id IS NOT NULL;
CREATE UNIQUE INDEX message_conversation_seq ON message (conversation_id, seq) WHERE conversation_id IS NOT NULL;
