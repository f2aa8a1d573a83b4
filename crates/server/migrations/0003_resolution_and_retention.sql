-- CSBA's own resolution of overdue cases, the refunds it charges to the
-- seller, order amounts (so a refund has a figure), and change-feed
-- retention. Portable subset, as in 0001.

-- Set when CSBA resolved the case itself (status 'resolved_by_csba'):
-- 'refund', 'replacement', 'denial' or 'answered_from_detail_page'.
ALTER TABLE cases ADD COLUMN outcome TEXT;
ALTER TABLE cases ADD COLUMN resolved_at BIGINT;
-- The sweeper looks for open cases past their deadline across all sellers.
CREATE INDEX cases_status_respond_by ON cases (status, respond_by);

-- What the buyer paid per unit, in minor units of the marketplace currency.
-- Kept apart from `orders` because only the simulator and the demo know it
-- (Amazon's order reports carry it; the seller's API never changes it).
CREATE TABLE order_amounts (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    order_id TEXT NOT NULL,
    unit_price_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    PRIMARY KEY (seller_id, order_id)
);

-- Refunds CSBA issued on its own for a parcel that did not arrive, charged
-- to the seller. One per case at most.
CREATE TABLE csba_refunds (
    seller_id TEXT NOT NULL REFERENCES sellers (id),
    case_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    -- Minor units (JPY has none, USD cents); 0 when the price is unknown.
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (seller_id, case_id)
);
CREATE INDEX csba_refunds_seller_at ON csba_refunds (seller_id, at);

-- Changes up to this seq have been compacted: a cursor below it (other than
-- "from the start") answers 410 cursor_expired.
ALTER TABLE sellers ADD COLUMN feed_floor BIGINT NOT NULL DEFAULT 0;
-- Compaction finds the newer change of the same entity.
CREATE INDEX changes_entity ON changes (seller_id, kind, entity_id, seq);
