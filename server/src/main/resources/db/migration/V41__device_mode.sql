-- A scanner in assign mode checks nobody in or out: it only records the last tag it read, so an admin can give
-- that tag to a child.
ALTER TABLE device ADD COLUMN mode text NOT NULL DEFAULT 'scan' CHECK (mode IN ('scan', 'assign'));
ALTER TABLE device ADD COLUMN last_tag text;
ALTER TABLE device ADD COLUMN last_tag_at timestamptz;
