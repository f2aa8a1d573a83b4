-- Portable subset of SQL: TEXT ids, BIGINT unix milliseconds, JSON as TEXT.
-- Runs unchanged on SQLite and PostgreSQL.

CREATE TABLE sellers (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    -- Comma-separated marketplace codes, e.g. 'JP,US'.
    marketplaces TEXT NOT NULL,
    -- Last seq handed out in this seller's change feed. Bumping it is the
    -- first statement of every write, which also serializes writers.
    change_seq BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE api_tokens (
    -- SHA-256 of the whole token, hex. The token itself is never stored.
    token_hash TEXT PRIMARY KEY,
    -- The first characters of the token, so an operator can name it.
    token_prefix TEXT NOT NULL,
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    -- Who issued it ('admin', 'sandbox'), so the sandbox can retire its own.
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_seller ON api_tokens (seller_id);
CREATE INDEX api_tokens_prefix ON api_tokens (token_prefix);

CREATE TABLE orders (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    id TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    placed_at BIGINT NOT NULL,
    item_title TEXT NOT NULL,
    sku TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (seller_id, id)
);

CREATE TABLE cases (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- JSON array of CaseMessage; a thread is always read and written whole.
    messages TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    respond_by BIGINT NOT NULL,
    PRIMARY KEY (seller_id, id)
);
CREATE INDEX cases_seller_respond_by ON cases (seller_id, respond_by);

CREATE TABLE changes (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    -- 'order' or 'case'.
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    -- JSON of csba_api::Resource: the full new state.
    payload TEXT NOT NULL,
    PRIMARY KEY (seller_id, seq)
);
