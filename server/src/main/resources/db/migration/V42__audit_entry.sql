-- Every admin change, written in the transaction of the change itself: who (NULL for the server's command line),
-- what, when, and the changed non-sensitive fields. Never a tag value, birthday, guardian contact or password.
CREATE TABLE audit_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL REFERENCES tenant (id),
    at          timestamptz NOT NULL,
    actor_id    bigint,
    actor_name  text,
    action      text NOT NULL,
    target_type text NOT NULL,
    target_id   text,
    target_name text,
    details     jsonb NOT NULL DEFAULT '{}',
    FOREIGN KEY (tenant_id, actor_id) REFERENCES staff (tenant_id, id)
);
CREATE INDEX audit_entry_newest ON audit_entry (tenant_id, id DESC);
