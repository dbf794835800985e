-- Who sent an announcement; NULL for notifications the server raises itself (capacity, scanners, schedules).
ALTER TABLE notification ADD COLUMN sender_id bigint;
ALTER TABLE notification
    ADD CONSTRAINT notification_sender_fk FOREIGN KEY (tenant_id, sender_id) REFERENCES staff (tenant_id, id);
