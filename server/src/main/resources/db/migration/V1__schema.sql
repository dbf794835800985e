-- Roomwatch schema. Every row belongs to a tenant; references between rows carry tenant_id in a composite
-- foreign key (tenant_id, id), so a row of one tenant can never point into another.

CREATE TABLE tenant (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug text NOT NULL UNIQUE,
    name text NOT NULL
);

-- Server-wide secrets shared by every instance on this database (the JWT signing key when none is configured).
CREATE TABLE server_secret (
    name  text PRIMARY KEY,
    value bytea NOT NULL
);

CREATE TABLE staff (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL REFERENCES tenant (id),
    username      text NOT NULL,
    display_name  text NOT NULL,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('SUPERVISOR', 'ADMIN')),
    enabled       boolean NOT NULL DEFAULT true,
    UNIQUE (tenant_id, username),
    UNIQUE (tenant_id, id)
);

-- Refresh tokens: only a hash is stored; each is single use; a family is one sign-in (the JWT "sid").
CREATE TABLE refresh_token (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint NOT NULL,
    staff_id   bigint NOT NULL,
    family_id  uuid NOT NULL,
    token_hash bytea NOT NULL UNIQUE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz,
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

CREATE TABLE room (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenant (id),
    name      text NOT NULL,
    capacity  int NOT NULL CHECK (capacity >= 0),
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, id)
);

CREATE TABLE student_group (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenant (id),
    name      text NOT NULL,
    UNIQUE (tenant_id, name),
    UNIQUE (tenant_id, id)
);

CREATE TABLE student (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        bigint NOT NULL REFERENCES tenant (id),
    first_name       text NOT NULL,
    last_name        text NOT NULL,
    school_class     text NOT NULL,
    rfid_tag         text NOT NULL,
    group_id         bigint,
    -- Sensitive: admins only, never in events, feeds or supervisor views.
    birthday         date,
    guardian_contact text,
    UNIQUE (tenant_id, rfid_tag),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES student_group (tenant_id, id)
);

CREATE TABLE active_group (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id               bigint NOT NULL,
    name                    text NOT NULL,
    group_id                bigint,
    room_id                 bigint NOT NULL,
    started_at              timestamptz NOT NULL,
    ended_at                timestamptz,
    last_activity_at        timestamptz NOT NULL,
    inactivity_timeout_secs int NOT NULL CHECK (inactivity_timeout_secs > 0),
    over_capacity_notified  boolean NOT NULL DEFAULT false,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, room_id) REFERENCES room (tenant_id, id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES student_group (tenant_id, id)
);
-- At most one running active group per room.
CREATE UNIQUE INDEX active_group_one_per_room ON active_group (room_id) WHERE ended_at IS NULL;

CREATE TABLE active_group_supervisor (
    tenant_id       bigint NOT NULL,
    active_group_id bigint NOT NULL,
    staff_id        bigint NOT NULL,
    PRIMARY KEY (active_group_id, staff_id),
    FOREIGN KEY (tenant_id, active_group_id) REFERENCES active_group (tenant_id, id),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
);
CREATE INDEX active_group_supervisor_staff ON active_group_supervisor (staff_id);

CREATE TABLE visit (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint NOT NULL,
    student_id      bigint NOT NULL,
    active_group_id bigint NOT NULL,
    entered_at      timestamptz NOT NULL,
    entry_source    text NOT NULL CHECK (entry_source IN ('rfid', 'manual', 'scheduled', 'session_end')),
    exited_at       timestamptz,
    exit_source     text CHECK (exit_source IN ('rfid', 'manual', 'scheduled', 'session_end')),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES student (tenant_id, id),
    FOREIGN KEY (tenant_id, active_group_id) REFERENCES active_group (tenant_id, id)
);
-- A student has at most one open visit.
CREATE UNIQUE INDEX visit_one_open_per_student ON visit (student_id) WHERE exited_at IS NULL;
CREATE INDEX visit_open_by_group ON visit (active_group_id) WHERE exited_at IS NULL;

CREATE TABLE device (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         bigint NOT NULL,
    name              text NOT NULL,
    room_id           bigint NOT NULL,
    -- The public half of the API key, to find the device; the secret half is stored as SHA-256 only.
    key_id            text NOT NULL UNIQUE,
    key_hash          bytea NOT NULL,
    status            text NOT NULL CHECK (status IN ('online', 'silent', 'revoked')),
    created_at        timestamptz NOT NULL,
    last_seen_at      timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, room_id) REFERENCES room (tenant_id, id)
);

-- A scanner's scans by Idempotency-Key: inserted first, so concurrent retries wait for the first and get its answer.
CREATE TABLE scan_request (
    tenant_id       bigint NOT NULL,
    device_id       bigint NOT NULL,
    idempotency_key text NOT NULL,
    request_hash    bytea NOT NULL,
    status          int,
    response        jsonb,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (device_id, idempotency_key),
    FOREIGN KEY (tenant_id, device_id) REFERENCES device (tenant_id, id)
);
CREATE INDEX scan_request_created ON scan_request (created_at);

CREATE TABLE scheduled_checkout (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    student_id  bigint NOT NULL,
    due_at      timestamptz NOT NULL,
    status      text NOT NULL CHECK (status IN ('pending', 'executed', 'cancelled')),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES student (tenant_id, id)
);
CREATE INDEX scheduled_checkout_due ON scheduled_checkout (due_at) WHERE status = 'pending';

CREATE TABLE notification (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint NOT NULL,
    staff_id   bigint NOT NULL,
    priority   text NOT NULL CHECK (priority IN ('urgent', 'info')),
    title      text NOT NULL,
    body       text NOT NULL,
    group_key  text NOT NULL,
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
);
CREATE INDEX notification_by_staff ON notification (staff_id, id DESC);

-- The durable log behind the stream. Readers order by (tx_id, id) and stop at pg_snapshot_xmin, so that rows of
-- transactions that commit out of id order are never skipped.
CREATE TABLE event (
    id         bigserial PRIMARY KEY,
    tx_id      xid8 NOT NULL DEFAULT pg_current_xact_id(),
    tenant_id  bigint NOT NULL REFERENCES tenant (id),
    topic      text NOT NULL,
    type       text NOT NULL,
    version    int NOT NULL DEFAULT 1,
    payload    jsonb NOT NULL,
    emitted_at timestamptz NOT NULL
);
CREATE INDEX event_order ON event (tx_id, id);
CREATE INDEX event_tenant_order ON event (tenant_id, tx_id, id);
