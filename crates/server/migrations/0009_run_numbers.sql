-- A feed run (0007) also records the tracking number it confirmed for each
-- of its orders: run_numbers, the JSON array of the numbers in the order of
-- run_ids. A shipment batch checked before the seller's lock learns from the
-- feed entries written since which orders changed; with their numbers in the
-- runs it can tell whether another order took one of its own without looking
-- up all of its numbers again under the lock (shipments::still_holds). NULL
-- for runs written before this migration and for every other row: an order
-- changed that way has its number looked up.
ALTER TABLE changes ADD COLUMN run_numbers TEXT;
