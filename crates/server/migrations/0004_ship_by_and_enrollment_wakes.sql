-- The ship-by instant of every order, and when a stored enrollment changes
-- state by itself, so the sweeper can write that change and announce it.
-- Portable subset, as in 0001.

-- Unix milliseconds: the end of the last day of the handling time (see
-- ship_by.rs). Filled for the orders already here by this migration's Rust
-- step (migrate.rs), which needs the holiday calendars SQL does not have.
ALTER TABLE orders ADD COLUMN ship_by BIGINT;
-- The dashboard question "what must leave today" is a range on it.
CREATE INDEX orders_seller_ship_by ON orders (seller_id, ship_by);

-- When the stored state turns into another without anyone asking
-- (activation after its delay, the JP identity-verification lapse); NULL
-- when it never does by itself.
ALTER TABLE enrollments ADD COLUMN wakes_at BIGINT;
CREATE INDEX enrollments_wakes_at ON enrollments (wakes_at);
-- Enrollments already waiting: look at them on the first sweep, which
-- applies what is due and stores the real instant for the rest. The JSON is
-- serde_json's compact form, so the state tag reads exactly like this.
UPDATE enrollments SET wakes_at = 0 WHERE enrollment LIKE '%"state":"pending_%';
