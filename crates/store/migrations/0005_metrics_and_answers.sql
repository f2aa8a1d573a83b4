-- What the feed carries since issue 10: weekly account-health figures, the
-- CSBA team's answers to questions, when a removal request was decided, and
-- returns received and refunded. Times are unix milliseconds (UTC).

-- A returned item arrived back at the seller; the buyer was refunded.
-- NULL until then.
ALTER TABLE orders ADD COLUMN return_received_at INTEGER;
ALTER TABLE orders ADD COLUMN refunded_at INTEGER;
-- Returns to refund, oldest arrival first.
CREATE INDEX orders_awaiting_refund ON orders (account_id, return_received_at)
    WHERE return_received_at IS NOT NULL AND refunded_at IS NULL;

-- The CSBA team's answer, exactly as it wrote it, and when.
ALTER TABLE service_questions ADD COLUMN answer TEXT;
ALTER TABLE service_questions ADD COLUMN answered_at INTEGER;

-- When the request was removed or declined.
ALTER TABLE removal_requests ADD COLUMN decided_at INTEGER;

-- One week of one marketplace, as counts (csba_api::MetricWeek): any run of
-- weeks adds up to exact rates. week_start is the Monday, YYYY-MM-DD, on the
-- marketplace's calendar, so text order is date order.
CREATE TABLE metric_weeks (
    account_id        INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    marketplace       TEXT NOT NULL,
    week_start        TEXT NOT NULL,
    orders            INTEGER NOT NULL,
    a_to_z_claims     INTEGER NOT NULL,
    defects           INTEGER NOT NULL,
    feedback          INTEGER NOT NULL,
    negative_feedback INTEGER NOT NULL,
    shipped           INTEGER NOT NULL,
    valid_tracking    INTEGER NOT NULL,
    units             INTEGER NOT NULL,
    contacts          INTEGER NOT NULL,
    responses         INTEGER NOT NULL,
    response_seconds  INTEGER NOT NULL,
    complete          INTEGER NOT NULL CHECK (complete IN (0, 1)),
    PRIMARY KEY (account_id, marketplace, week_start)
);

-- Versions before 5 skipped the metric_week kind and kept no answers or
-- decision times: every account reads its feed again from the start (every
-- write is an upsert, so what is already here is re-applied harmlessly; see
-- 0004 for why drafts are safe).
UPDATE sync_state SET cursor = NULL;
