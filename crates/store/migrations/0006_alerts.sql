-- Issue 11: deadline alerts. Which threshold of which obligation the seller
-- was told about, so an alert is given once per object per threshold —
-- across restarts and after the laptop wakes from sleep.
--
-- `obligation` is csba_alerts' ledger key ("case_reply/1/113-0001");
-- `minutes` the threshold (0 = when the deadline passes). `told_at` is the
-- local instant it was recorded, RFC 3339 in UTC with milliseconds (fixed
-- width, so text order is time order), kept only to purge old rows.
-- No foreign key: the ledger outlives the rows it names, so a case that
-- the feed drops and brings back is not told again.
CREATE TABLE alerts_told (
    obligation TEXT NOT NULL,
    minutes    INTEGER NOT NULL,
    told_at    TEXT NOT NULL,
    PRIMARY KEY (obligation, minutes)
);
CREATE INDEX alerts_told_by_age ON alerts_told (told_at);
