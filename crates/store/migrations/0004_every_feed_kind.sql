-- The replica holds every kind the change feed carries: order tracking and
-- ship-by dates, enrollments, return-policy versions, feedback, removal
-- requests and questions to the CSBA team; and the outbox keeps what the
-- service answered to a sent action. Times are unix milliseconds (UTC);
-- every new table belongs to an account and goes with it (ON DELETE CASCADE).

-- NULL until the seller confirmed a shipment (tracking) or for services
-- that do not report a ship-by date.
ALTER TABLE orders ADD COLUMN ship_by INTEGER;
ALTER TABLE orders ADD COLUMN tracking_number TEXT;  -- normalized, as the service stores it
ALTER TABLE orders ADD COLUMN carrier TEXT;
ALTER TABLE orders ADD COLUMN ship_date TEXT;        -- YYYY-MM-DD, the marketplace's calendar day
ALTER TABLE orders ADD COLUMN confirmed_at INTEGER;

-- Orders to ship, most urgent first.
CREATE INDEX orders_by_status_ship_by ON orders (account_id, status, ship_by);
-- Shipments, newest confirmation first; the valid-tracking-rate window.
CREATE INDEX orders_by_confirmation ON orders (account_id, confirmed_at) WHERE confirmed_at IS NOT NULL;
-- A tracking number already used by another order of the account.
CREATE INDEX orders_by_tracking_number ON orders (account_id, tracking_number) WHERE tracking_number IS NOT NULL;

-- One enrollment per account and marketplace. `view` is the whole
-- csba_api::EnrollmentView as the feed sent it (checklist, periods, trial);
-- `state` is copied out to be queried on.
CREATE TABLE enrollments (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    marketplace TEXT NOT NULL,
    state       TEXT NOT NULL,
    view        TEXT NOT NULL,
    PRIMARY KEY (account_id, marketplace)
);

-- Every submitted version; the current policy is the highest version.
CREATE TABLE return_policies (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    marketplace  TEXT NOT NULL,
    version      INTEGER NOT NULL,
    submitted_at INTEGER NOT NULL,
    policy       TEXT NOT NULL,  -- JSON csba_domain::policy::ReturnPolicy
    PRIMARY KEY (account_id, marketplace, version)
);

-- Buyer feedback. The removal columns are the service's judgement at the
-- time it sent the row (`removal_in_time` goes stale: readers also compare
-- `removal_deadline` with their `now`); `removal` is the whole
-- csba_api::RemovalEligibility, `removal_grounds` how many possible grounds
-- it lists.
CREATE TABLE feedback (
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    id               TEXT NOT NULL,
    order_id         TEXT NOT NULL,
    marketplace      TEXT NOT NULL,
    left_at          INTEGER NOT NULL,
    rating           INTEGER NOT NULL,
    comment          TEXT NOT NULL,
    fulfillment      TEXT NOT NULL,
    handled_by_csba  INTEGER NOT NULL CHECK (handled_by_csba IN (0, 1)),
    sentiment        TEXT NOT NULL,
    removal_in_time  INTEGER NOT NULL CHECK (removal_in_time IN (0, 1)),
    removal_deadline INTEGER NOT NULL,
    removal_grounds  INTEGER NOT NULL,
    removal          TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX feedback_by_left_at ON feedback (account_id, left_at);
CREATE INDEX feedback_removable ON feedback (account_id, removal_deadline)
    WHERE removal_in_time = 1 AND removal_grounds > 0;

-- Removal requests on file. No foreign key to feedback: the feed may bring
-- a request before the feedback it is about.
CREATE TABLE removal_requests (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    feedback_id  TEXT NOT NULL,
    ground       TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    subject      TEXT,
    explanation  TEXT NOT NULL,
    status       TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX removal_requests_by_feedback ON removal_requests (account_id, feedback_id);
CREATE INDEX removal_requests_by_status ON removal_requests (account_id, status);

-- Questions to the CSBA team about an order. The wire type carries no
-- answer text (the answer arrives outside the API), only the status.
CREATE TABLE service_questions (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    order_id   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    question   TEXT NOT NULL,
    asked_at   INTEGER NOT NULL,
    answer_by  INTEGER NOT NULL,
    status     TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX service_questions_by_status ON service_questions (account_id, status, answer_by);

-- What the service answered to a sent action (JSON; a shipment batch's
-- per-row results with their carrier_ambiguous flags), and the bulk upload
-- a batch belongs to, so its progress can be asked for as one.
ALTER TABLE outbox ADD COLUMN response TEXT;
ALTER TABLE outbox ADD COLUMN batch_group TEXT;
CREATE INDEX outbox_by_batch_group ON outbox (batch_group, id) WHERE batch_group IS NOT NULL;
-- Whether the seller already asked for a feedback's removal from here, in
-- any state: outbox_unsent_by_object leaves sent entries out.
CREATE INDEX outbox_by_object ON outbox (account_id, object_key);

-- Earlier versions skipped enrollments, return policies, feedback, removal
-- requests and service questions (and order tracking) while still advancing
-- the cursor, so the feed behind every stored cursor holds changes this
-- replica never kept. Every account reads its feed again from the start:
-- every write of the replica is an upsert, so re-applying what is already
-- here is harmless (the service serves a read from the start even below its
-- compaction floor). The one side effect a replay could have, an earlier
-- version of a case flagging its draft as changed, is kept out by
-- apply_changes, which does not store an older version of a case that has a
-- draft. Drafts and queued actions are untouched.
UPDATE sync_state SET cursor = NULL;
