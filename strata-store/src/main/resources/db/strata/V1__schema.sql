-- One schema for SQLite and PostgreSQL. The two types the dialects spell differently are Flyway
-- placeholders filled in by dev.strata.store.sql.Dialect:
--   ${seq_key}   a 64-bit primary key whose value the application assigns
--   ${auto_key}  a 64-bit primary key whose value the database assigns
-- and one constant shared with the code that queries the messages table:
--   ${user_bucket}  seqs per bucket of the per-user index (MessageTable.USER_BUCKET)
-- Instants are epoch milliseconds in BIGINT columns: same meaning, same index order on both.

-- The message log: the source of truth the engine is rebuilt from. seq is assigned by the single
-- writer in commit order. id_hash1/id_hash2 are the 128-bit hash of message_id the writer
-- deduplicates with (in memory, seeded from these columns at open; no unique index on message_id:
-- docs/store.md has the measurements behind that).
CREATE TABLE messages (
    seq        ${seq_key},
    user_key   TEXT   NOT NULL,
    message_id TEXT,
    id_hash1   BIGINT,
    id_hash2   BIGINT,
    ts         BIGINT NOT NULL,
    type       TEXT   NOT NULL,
    body       TEXT   NOT NULL
);
-- A user's messages, found bucket by bucket of ${user_bucket} seqs. Leading with the bucket keeps
-- each commit's index writes inside the newest bucket's few pages; a plain (user_key) index puts
-- every new row on a random page, which SQLite's page-based WAL pays with a 4 KB write per message
-- (about 5x slower appends). The hash columns make the index cover the dedup seeding scan at open.
CREATE INDEX messages_by_user ON messages ((seq / ${user_bucket}), user_key, id_hash1, id_hash2);

-- Erased users: the SHA-256 of the user key, never the key itself.
CREATE TABLE tombstones (
    user_hash CHAR(64) PRIMARY KEY,
    erased_at BIGINT   NOT NULL
);

-- The highest seq ever assigned, kept when erasure deletes the newest messages so that a seq is
-- never handed out twice (a consumer that remembers "applied up to seq N" stays right).
CREATE TABLE log_state (
    id       INTEGER PRIMARY KEY,
    last_seq BIGINT  NOT NULL
);
INSERT INTO log_state (id, last_seq) VALUES (1, 0);

CREATE TABLE segments (
    id         TEXT   PRIMARY KEY,
    name       TEXT   NOT NULL UNIQUE,
    definition TEXT,
    kind       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_by TEXT
);

CREATE TABLE static_members (
    segment_id TEXT NOT NULL,
    user_key   TEXT NOT NULL,
    PRIMARY KEY (segment_id, user_key)
);
CREATE INDEX static_members_user_key ON static_members (user_key);

CREATE TABLE tokens (
    id          TEXT   PRIMARY KEY,
    name        TEXT   NOT NULL,
    role        TEXT   NOT NULL,
    secret_hash TEXT   NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Append-only; hash = SHA-256 over the canonical fields and prev_hash (AuditChain).
CREATE TABLE audit_log (
    seq       ${seq_key},
    at_ms     BIGINT   NOT NULL,
    actor     TEXT     NOT NULL,
    role      TEXT,
    action    TEXT     NOT NULL,
    target    TEXT,
    remote    TEXT,
    prev_hash CHAR(64) NOT NULL,
    hash      CHAR(64) NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at_ms);
CREATE INDEX audit_log_target ON audit_log (target);

CREATE TABLE changes (
    seq        ${auto_key},
    segment_id TEXT    NOT NULL,
    user_key   TEXT    NOT NULL,
    entered    BOOLEAN NOT NULL,
    at_ms      BIGINT  NOT NULL
);
CREATE INDEX changes_segment ON changes (segment_id, at_ms);
CREATE INDEX changes_user ON changes (user_key, at_ms);

CREATE TABLE webhooks (
    id         TEXT   PRIMARY KEY,
    url        TEXT   NOT NULL,
    secret     TEXT   NOT NULL,
    segment_id TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE dead_letters (
    id         ${auto_key},
    webhook_id TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    attempts   INTEGER NOT NULL,
    last_error TEXT,
    failed_at  BIGINT  NOT NULL
);
CREATE INDEX dead_letters_failed_at ON dead_letters (failed_at);
