package app.roomwatch.model.api;

/** What a staff member may do: supervisors watch and run their groups, admins manage the tenant. */
public enum StaffRole {
    SUPERVISOR,
    ADMIN
}
