-- The resources the rules govern (enrollment, shipment confirmations,
-- return policies, feedback and its removal, questions to the CSBA team)
-- and idempotency keys. Portable subset, as in 0001: booleans are BIGINT
-- 0/1, dates are ISO 8601 TEXT, instants BIGINT unix milliseconds.

-- The tracking a seller confirmed (all NULL until shipped), and whether the
-- buyer filed an A-to-z claim (set by the simulator; feeds the metrics).
ALTER TABLE orders ADD COLUMN tracking_number TEXT;
ALTER TABLE orders ADD COLUMN carrier TEXT;
ALTER TABLE orders ADD COLUMN ship_date TEXT;
ALTER TABLE orders ADD COLUMN confirmed_at BIGINT;
ALTER TABLE orders ADD COLUMN a_to_z_claim BIGINT NOT NULL DEFAULT 0;
-- A tracking ID reused across orders is caught by looking it up.
CREATE INDEX orders_seller_tracking ON orders (seller_id, tracking_number);

-- The seller's eligibility checklist as JSON (csba_domain::enrollment::
-- Eligibility without terms_accepted, which each enrollment carries).
-- NULL: every requirement met and invited everywhere (the demo seller,
-- sellers created by the admin command).
ALTER TABLE sellers ADD COLUMN eligibility TEXT;

CREATE TABLE enrollments (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    marketplace TEXT NOT NULL,
    -- JSON of csba_domain::enrollment::Enrollment: state and active periods.
    enrollment TEXT NOT NULL,
    terms_version TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (seller_id, marketplace)
);

-- Every submitted version; the highest is current.
CREATE TABLE return_policies (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    marketplace TEXT NOT NULL,
    version BIGINT NOT NULL,
    -- JSON of csba_domain::policy::ReturnPolicy.
    policy TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    PRIMARY KEY (seller_id, marketplace, version)
);

CREATE TABLE feedback (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    left_at BIGINT NOT NULL,
    rating BIGINT NOT NULL,
    comment TEXT NOT NULL,
    -- 'seller' or 'amazon'.
    fulfillment TEXT NOT NULL,
    handled_by_csba BIGINT NOT NULL,
    PRIMARY KEY (seller_id, id)
);
CREATE INDEX feedback_seller_left_at ON feedback (seller_id, left_at);

-- At most one removal request per feedback.
CREATE TABLE removal_requests (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    id TEXT NOT NULL,
    feedback_id TEXT NOT NULL,
    ground TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT,
    explanation TEXT NOT NULL,
    -- 'submitted', 'removed' or 'declined'.
    status TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    PRIMARY KEY (seller_id, id),
    UNIQUE (seller_id, feedback_id)
);

CREATE TABLE service_questions (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    question TEXT NOT NULL,
    asked_at BIGINT NOT NULL,
    answer_by BIGINT NOT NULL,
    -- 'awaiting_answer' or 'answered'.
    status TEXT NOT NULL,
    PRIMARY KEY (seller_id, id)
);

-- Idempotency keys, per seller. A row is claimed ('in_flight') before the
-- request runs and completed ('done') with the exact first response.
CREATE TABLE idempotency_keys (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    idem_key TEXT NOT NULL,
    -- SHA-256 hex of method, path and body.
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    response_status BIGINT,
    response_content_type TEXT,
    -- Responses are JSON, so UTF-8 text stores them byte for byte.
    response_body TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (seller_id, idem_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
