-- Drafts and the outbox: what the seller typed or did and the service has
-- not confirmed yet. Times are unix milliseconds (UTC).

-- At most one reply draft per case. `case_changed` is set when the feed
-- brings a new message or a new status for the case while the draft
-- exists, so the UI can tell the seller before they send.
CREATE TABLE drafts (
    case_id      TEXT PRIMARY KEY NOT NULL,
    body         TEXT NOT NULL,
    updated_at   INTEGER NOT NULL,
    case_changed INTEGER NOT NULL DEFAULT 0 CHECK (case_changed IN (0, 1))
);

-- Every seller action, in the order it was taken. `object_key` names what
-- the action is about (`case:<id>`, `enrollment:JP`…): actions on one
-- object are sent strictly in `id` order. The idempotency key is generated
-- here, once, and sent with every attempt, so a resend is answered, not
-- applied again.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL,
    object_key      TEXT NOT NULL,
    method          TEXT NOT NULL CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
    path            TEXT NOT NULL,
    body            TEXT,           -- JSON request body, if any
    idempotency_key TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,           -- why the last attempt did not succeed
    problem_code    TEXT,           -- set when `failed`: the service's problem code
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);

CREATE INDEX outbox_unsent_by_object ON outbox (object_key, id) WHERE state <> 'sent';
