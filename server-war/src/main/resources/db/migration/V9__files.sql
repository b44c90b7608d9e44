-- Files sent with messages (docs/protocol.md, "Files"; docs/decisions/0035). What a file is lives here
-- whichever store holds its bytes (store_key names them there); message_id is null until the file is
-- sent, and who may fetch it is a question about that message.
CREATE TABLE shared_file (
    id          bigserial   PRIMARY KEY,
    owner_id    bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    type        text        NOT NULL,
    size        bigint      NOT NULL,
    width       integer,
    height      integer,
    store_key   text        NOT NULL,
    preview_key text,
    message_id  bigint      REFERENCES message (id),
    uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shared_file_message ON shared_file (message_id) WHERE message_id IS NOT NULL;
-- The cleaner's way to uploads never sent.
CREATE INDEX shared_file_unsent ON shared_file (uploaded_at) WHERE message_id IS NULL;

-- The bytes a user uploaded in a day (UTC), for CHAT_FILE_BYTES_PER_DAY: counted as they come, so a
-- file deleted again still counts.
CREATE TABLE upload_day (
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    day        date   NOT NULL,
    bytes      bigint NOT NULL,
    PRIMARY KEY (account_id, day)
);

-- The database store's bytes (CHAT_FILE_STORE=database): a blob of chunks, each written in a short
-- transaction of its own as the upload streams in, so that a slow upload holds no connection between
-- them; a blob is complete once its last chunk is in, and the cleaner deletes one left incomplete.
CREATE TABLE file_blob (
    id         bigserial   PRIMARY KEY,
    complete   boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE file_chunk (
    blob_id bigint  NOT NULL REFERENCES file_blob (id) ON DELETE CASCADE,
    part    integer NOT NULL,
    bytes   bytea   NOT NULL,
    PRIMARY KEY (blob_id, part)
);
-- Most files are compressed already (pictures, archives, documents): stored as they come, not
-- compressed again.
ALTER TABLE file_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;
