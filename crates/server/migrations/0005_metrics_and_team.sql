-- Issue 10: returns received and refunded, the CSBA team's answers and
-- decisions, and weekly account-health figures. Times are unix milliseconds.

-- NULL until the returned item is back at the seller / the buyer refunded.
ALTER TABLE orders ADD COLUMN return_received_at BIGINT;
ALTER TABLE orders ADD COLUMN refunded_at BIGINT;

-- The CSBA team's answer, stored exactly as written (plain text).
ALTER TABLE service_questions ADD COLUMN answer TEXT;
ALTER TABLE service_questions ADD COLUMN answered_at BIGINT;
-- What the simulated team still has to answer, oldest first.
CREATE INDEX service_questions_by_status ON service_questions (status, asked_at);

ALTER TABLE removal_requests ADD COLUMN decided_at BIGINT;
CREATE INDEX removal_requests_by_status ON removal_requests (status, requested_at);

-- One week of one seller's marketplace, as counts (csba_api::MetricWeek).
-- week_start is the Monday (YYYY-MM-DD) on the marketplace's calendar.
-- `imported` weeks came from before the service held the seller's data
-- (the demo's history) and are never recomputed from stored orders.
CREATE TABLE metric_weeks (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    marketplace TEXT NOT NULL,
    week_start TEXT NOT NULL,
    orders BIGINT NOT NULL,
    a_to_z_claims BIGINT NOT NULL,
    defects BIGINT NOT NULL,
    feedback BIGINT NOT NULL,
    negative_feedback BIGINT NOT NULL,
    shipped BIGINT NOT NULL,
    valid_tracking BIGINT NOT NULL,
    units BIGINT NOT NULL,
    contacts BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    response_seconds BIGINT NOT NULL,
    complete BIGINT NOT NULL,
    imported BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (seller_id, marketplace, week_start)
);
