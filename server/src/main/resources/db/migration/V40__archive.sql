-- Archive (SPEC: DELETE archives): a child, room or group that left keeps its history (visits, events, audit
-- entries) but leaves every list. An archived child gives up its tag, so the tag may go to another child; a child
-- may also have no tag yet (added by an import).
ALTER TABLE student ADD COLUMN archived_at timestamptz;
ALTER TABLE student ALTER COLUMN rfid_tag DROP NOT NULL;
ALTER TABLE room ADD COLUMN archived_at timestamptz;
ALTER TABLE student_group ADD COLUMN archived_at timestamptz;

-- A new room or group may take the name of an archived one.
ALTER TABLE room DROP CONSTRAINT room_tenant_id_name_key;
CREATE UNIQUE INDEX room_name_in_use ON room (tenant_id, name) WHERE archived_at IS NULL;
ALTER TABLE student_group DROP CONSTRAINT student_group_tenant_id_name_key;
CREATE UNIQUE INDEX student_group_name_in_use ON student_group (tenant_id, name) WHERE archived_at IS NULL;
