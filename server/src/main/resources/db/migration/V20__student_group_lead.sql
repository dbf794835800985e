-- Staff who lead an after-school group: they look after its children wherever they are (My group roster).
CREATE TABLE student_group_lead (
    tenant_id        bigint NOT NULL,
    student_group_id bigint NOT NULL,
    staff_id         bigint NOT NULL,
    PRIMARY KEY (student_group_id, staff_id),
    FOREIGN KEY (tenant_id, student_group_id) REFERENCES student_group (tenant_id, id),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
);
CREATE INDEX student_group_lead_staff ON student_group_lead (staff_id);

-- A child's latest visit, for where the child is now.
CREATE INDEX visit_by_student ON visit (student_id, entered_at DESC);
CREATE INDEX student_by_group ON student (group_id) WHERE group_id IS NOT NULL;
