-- Token buckets of the rate limits every instance shares (login, scanners, stream connects), each taken by one
-- statement (docs/decisions/0015-rate-limits-in-one-statement.md). Times are microseconds since the epoch on the
-- instances' clocks: refilled_at when tokens was last brought up to date, full_at when the bucket is full again, no
-- different from an absent row, and may go. Bucket4j's table goes: a count lost in the upgrade only makes a limit
-- briefly lenient.
CREATE TABLE rate_limit (
    id          text PRIMARY KEY,
    tokens      double precision NOT NULL,
    refilled_at bigint NOT NULL,
    full_at     bigint NOT NULL
);

CREATE INDEX rate_limit_full_at ON rate_limit (full_at);

DROP TABLE rate_limit_bucket;
