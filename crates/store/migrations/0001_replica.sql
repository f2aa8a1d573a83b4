-- The first replica schema: what the inbox needs.
-- Times are unix milliseconds (UTC); ids are the service's ids.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- One row per service we sync with; `cursor` is the change-feed position.
CREATE TABLE sync_state (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    cursor           TEXT,
    server_offset_ms INTEGER NOT NULL DEFAULT 0,
    last_sync_at     INTEGER
);

CREATE TABLE orders (
    id          TEXT PRIMARY KEY NOT NULL,
    marketplace TEXT NOT NULL,
    placed_at   INTEGER NOT NULL,
    item_title  TEXT NOT NULL,
    sku         TEXT NOT NULL,
    quantity    INTEGER NOT NULL,
    status      TEXT NOT NULL
);

CREATE TABLE cases (
    id          TEXT PRIMARY KEY NOT NULL,
    order_id    TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    language    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    messages    TEXT NOT NULL,  -- JSON array of csba_api::CaseMessage
    opened_at   INTEGER NOT NULL,
    respond_by  INTEGER NOT NULL
);

CREATE INDEX cases_by_deadline ON cases (status, respond_by);
