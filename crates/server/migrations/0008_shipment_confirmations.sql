-- A shipment confirmation gets a row of its own instead of four columns
-- of the order's. Confirming a batch then inserts rows and leaves the
-- orders as they are: on PostgreSQL, changing the order's indexed tracking
-- and confirmation columns wrote a new version of the row and an entry in
-- each of its five indexes, most of the time a batch held the seller's
-- lock (shipments.rs). An order reads as shipped when it is unshipped and
-- has a confirmation (orders.rs, `status!`), so confirming does not rewrite
-- its status either; orders confirmed before this migration keep
-- 'shipped', which reads the same.
--
-- No foreign key: PostgreSQL checks one per inserted row, which took a
-- batch of 8,500 about 40 of its 100 ms. A confirmation is written only for
-- an order read under its seller's lock (shipments.rs) or with the order
-- itself (orders::put_order); orders reference their seller.
CREATE TABLE shipment_confirmations (
    seller_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    -- The order's, copied: the fleet's weekly figures range over one
    -- marketplace's confirmations by time, from this table's index alone.
    marketplace TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    carrier TEXT NOT NULL,
    -- ISO 8601 date, in the marketplace's time zone.
    ship_date TEXT NOT NULL,
    confirmed_at BIGINT NOT NULL,
    PRIMARY KEY (seller_id, order_id)
);
-- A tracking ID reused across orders is caught by looking it up.
CREATE INDEX shipment_confirmations_tracking ON shipment_confirmations (seller_id, tracking_number);
CREATE INDEX shipment_confirmations_marketplace_confirmed
    ON shipment_confirmations (seller_id, marketplace, confirmed_at);

INSERT INTO shipment_confirmations
    (seller_id, order_id, marketplace, tracking_number, carrier, ship_date, confirmed_at)
SELECT seller_id, id, marketplace, tracking_number, carrier, ship_date, confirmed_at FROM orders
WHERE tracking_number IS NOT NULL AND carrier IS NOT NULL AND ship_date IS NOT NULL AND confirmed_at IS NOT NULL;

DROP INDEX orders_seller_tracking;
DROP INDEX orders_seller_marketplace_confirmed;
ALTER TABLE orders DROP COLUMN tracking_number;
ALTER TABLE orders DROP COLUMN carrier;
ALTER TABLE orders DROP COLUMN ship_date;
ALTER TABLE orders DROP COLUMN confirmed_at;
