-- The language of each staff member's console, as it last signed in or renewed its sign-in (Accept-Language): the
-- notifications the server raises itself are written in it (decision 0016).
ALTER TABLE staff ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de'));
