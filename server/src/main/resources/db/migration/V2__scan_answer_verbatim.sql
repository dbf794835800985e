-- A retried scan must get the first answer byte for byte; jsonb would reorder and reformat it.
ALTER TABLE scan_request ALTER COLUMN response TYPE text;
