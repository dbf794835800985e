-- Token buckets of the rate limits every instance shares (login, scanners, stream connects), kept by Bucket4j:
-- state is its serialized bucket, expires_at (epoch milliseconds) when the bucket has filled up again and may go.
CREATE TABLE rate_limit_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
