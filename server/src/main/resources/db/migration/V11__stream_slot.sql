-- The open streams of every instance, so that a staff member's stream limit holds over all of them. An instance
-- refreshes its row in stream_instance every few seconds; slots of an instance that stopped doing so do not count.
CREATE TABLE stream_instance (
    id      uuid PRIMARY KEY,
    seen_at timestamptz NOT NULL
);

CREATE TABLE stream_slot (
    instance   uuid   NOT NULL,
    connection bigint NOT NULL,
    tenant_id  bigint NOT NULL,
    staff_id   bigint NOT NULL,
    PRIMARY KEY (instance, connection)
);

CREATE INDEX stream_slot_staff ON stream_slot (tenant_id, staff_id);
