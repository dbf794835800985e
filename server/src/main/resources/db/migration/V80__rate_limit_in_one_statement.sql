-- Token buckets of the rate limits every instance shares (login, scanners, stream connects), each taken by one
-- statement (docs/decisions/0015-rate-limits-in-one-statement.md). Times are microseconds since the epoch on the
-- instances' clocks: refilled_at when tokens was last brought up to date, full_at when the bucket is full again, no
-- different from an absent row, and may go. Bucket4j's table goes: a count lost in the upgrade only makes a limit
-- briefly more lenient.
--
-- A busy scanner's bucket is updated with every request. Only the primary key is indexed, and pages are left half
-- empty, so that such an update writes the new row version beside the old one without touching the index (a HOT
-- update); the sweep of full buckets once a minute reads the table whole, which holds only recently busy callers.
CREATE TABLE rate_limit (
    id          text PRIMARY KEY,
    tokens      double precision NOT NULL,
    refilled_at bigint NOT NULL,
    full_at     bigint NOT NULL
) WITH (fillfactor = 50);

DROP TABLE rate_limit_bucket;
