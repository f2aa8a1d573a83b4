-- Found by the fleet benchmark (1,000 sellers × 1,000 cases): each sweep
-- round recomputes every seller's weekly figures, and their queries range
-- over one marketplace's cases and orders by time. Without these they went
-- through (seller_id, respond_by) and read every case of the seller.
CREATE INDEX cases_seller_marketplace_opened ON cases (seller_id, marketplace, opened_at);
CREATE INDEX orders_seller_marketplace_placed ON orders (seller_id, marketplace, placed_at);
CREATE INDEX orders_seller_marketplace_confirmed ON orders (seller_id, marketplace, confirmed_at);
-- Compaction finds each seller's last change before the horizon with one
-- seek, instead of grouping the whole feed every round.
CREATE INDEX changes_seller_at ON changes (seller_id, at, seq);
