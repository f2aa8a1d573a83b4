-- Several seller accounts in one replica. Every replicated row, draft and
-- queued action belongs to one account; ids are only unique within the
-- service (and seller) they came from, so account_id is part of each key.
--
-- Before this version the replica held one account, which could only have
-- been the embedded sandbox or the one `CSBA_API_URL` named. Its rows move
-- to account 1, registered as the sandbox with an empty seller id; the app
-- fills the seller in when the sandbox starts. A replica with no data gets
-- no account row at all.

CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL CHECK (kind IN ('sandbox', 'remote')),
    -- NULL for the sandbox: it listens on a new port every launch.
    service_url  TEXT CHECK ((kind = 'sandbox') = (service_url IS NULL)),
    seller_id    TEXT NOT NULL,
    display_name TEXT NOT NULL,
    marketplaces TEXT NOT NULL DEFAULT '[]',  -- JSON array of marketplace codes
    added_at     INTEGER NOT NULL,
    UNIQUE (service_url, seller_id)
);
CREATE UNIQUE INDEX accounts_one_sandbox ON accounts (kind) WHERE kind = 'sandbox';

INSERT INTO accounts (id, kind, service_url, seller_id, display_name, added_at)
SELECT 1, 'sandbox', NULL, '', '', 0
WHERE EXISTS (SELECT 1 FROM sync_state) OR EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM orders)
   OR EXISTS (SELECT 1 FROM drafts) OR EXISTS (SELECT 1 FROM outbox);

CREATE TABLE sync_state_v3 (
    account_id       INTEGER PRIMARY KEY NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    cursor           TEXT,
    server_offset_ms INTEGER NOT NULL DEFAULT 0,
    last_sync_at     INTEGER
);
INSERT INTO sync_state_v3 SELECT 1, cursor, server_offset_ms, last_sync_at FROM sync_state;
DROP TABLE sync_state;
ALTER TABLE sync_state_v3 RENAME TO sync_state;

CREATE TABLE orders_v3 (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    placed_at   INTEGER NOT NULL,
    item_title  TEXT NOT NULL,
    sku         TEXT NOT NULL,
    quantity    INTEGER NOT NULL,
    status      TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);
INSERT INTO orders_v3 SELECT 1, id, marketplace, placed_at, item_title, sku, quantity, status FROM orders;
DROP TABLE orders;
ALTER TABLE orders_v3 RENAME TO orders;

CREATE TABLE cases_v3 (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    order_id    TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    language    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    messages    TEXT NOT NULL,  -- JSON array of csba_api::CaseMessage
    opened_at   INTEGER NOT NULL,
    respond_by  INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
);
INSERT INTO cases_v3
SELECT 1, id, order_id, marketplace, kind, status, language, subject, messages, opened_at, respond_by FROM cases;
DROP TABLE cases;
ALTER TABLE cases_v3 RENAME TO cases;
CREATE INDEX cases_by_deadline ON cases (status, respond_by);

CREATE TABLE drafts_v3 (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    case_id      TEXT NOT NULL,
    body         TEXT NOT NULL,
    updated_at   INTEGER NOT NULL,
    case_changed INTEGER NOT NULL DEFAULT 0 CHECK (case_changed IN (0, 1)),
    PRIMARY KEY (account_id, case_id)
);
INSERT INTO drafts_v3 SELECT 1, case_id, body, updated_at, case_changed FROM drafts;
DROP TABLE drafts;
ALTER TABLE drafts_v3 RENAME TO drafts;

CREATE TABLE outbox_v3 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    object_key      TEXT NOT NULL,
    method          TEXT NOT NULL CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
    path            TEXT NOT NULL,
    body            TEXT,
    idempotency_key TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- While `sending`: until when the process that claimed the entry owns
    -- it. The app and `csba` may push from one replica at once; a claim
    -- past this time belongs to a process that died, and anyone may resend.
    claimed_until   INTEGER,
    last_error      TEXT,
    problem_code    TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
-- An entry left `sending` by version 2 gets an expired claim: resent on
-- the next push, under its key.
INSERT INTO outbox_v3
SELECT id, 1, kind, object_key, method, path, body, idempotency_key, state, attempts, next_attempt_at,
       CASE WHEN state = 'sending' THEN 0 END, last_error, problem_code, created_at, sent_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX outbox_unsent_by_object ON outbox (account_id, object_key, id) WHERE state <> 'sent';
