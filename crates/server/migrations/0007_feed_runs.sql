-- A run: one feed row holding the changes of many orders at consecutive
-- seqs, written by a batch of shipment confirmations instead of one row
-- (and three index entries) per order. For a run, seq is the run's last
-- seq and run_from its first; kind is 'orders', entity_id empty, run_ids
-- the JSON array of the orders' ids and payload the JSON array of their
-- resources, in seq order (the ids are not in entity_id: that column is
-- indexed, and an index entry holds at most a few KiB). Both NULL for
-- every other row. Readers expand a run into the changes it
-- holds (feed::changes_after), so clients see one change per seq as before;
-- compaction turns runs below its horizon back into one row per change
-- (feed::compact), so old states of their orders can be dropped like any.
ALTER TABLE changes ADD COLUMN run_from BIGINT;
ALTER TABLE changes ADD COLUMN run_ids TEXT;
