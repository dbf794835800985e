package app.roomwatch.server.demo;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.activity.ActiveGroups;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.group.GroupLeads;
import app.roomwatch.server.group.Groups;
import app.roomwatch.server.room.Rooms;
import app.roomwatch.server.staff.StaffAccounts;
import app.roomwatch.server.student.Students;
import app.roomwatch.server.tenant.Tenants;
import app.roomwatch.server.visit.Visits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo of SPEC section 7: tenant {@code demo} (four rooms, sixty children, supervisors anna and ben, admin
 * admin, two running activities with a few children in) and tenant {@code demo2} (one room, supervisor clara); the
 * password is {@code demo} for all. Seeding a tenant that is already there does nothing.
 */
@Service
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    private static final String[] FIRST_NAMES = {
        "Mia", "Noah", "Emma", "Ben", "Hannah", "Paul", "Lea", "Finn", "Sophia", "Elias", "Marie", "Jonas", "Lina",
        "Luis", "Emilia", "Felix", "Clara", "Leon", "Ida", "Henry", "Mila", "Theo", "Lena", "Anton", "Frieda", "Karl",
        "Nele", "Oskar", "Greta", "Jakob"
    };
    private static final String[] LAST_NAMES = {
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Zimmermann", "Hartmann"
    };
    private static final String[] CLASSES = {"1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b"};

    private final Rooms rooms;
    private final Groups groups;
    private final Students studentRegister;
    private final Tenants tenants;
    private final StaffAccounts staff;
    private final ActiveGroups activeGroups;
    private final Visits visits;
    private final GroupLeads groupLeads;
    private final Clock clock;

    DemoData(
            Rooms rooms,
            Groups groups,
            Students studentRegister,
            Tenants tenants,
            StaffAccounts staff,
            ActiveGroups activeGroups,
            Visits visits,
            GroupLeads groupLeads,
            Clock clock) {
        this.rooms = rooms;
        this.groups = groups;
        this.studentRegister = studentRegister;
        this.tenants = tenants;
        this.staff = staff;
        this.activeGroups = activeGroups;
        this.visits = visits;
        this.groupLeads = groupLeads;
        this.clock = clock;
    }

    @Transactional
    public void seedDemo() {
        if (tenants.find("demo").isPresent()) {
            log.info("Demo tenant 'demo' is already there");
            return;
        }
        long tenant = tenants.create("demo", "Sunflower After-School Club");
        long anna = staff.create(tenant, "anna", "Anna Hoffmann", StaffRole.SUPERVISOR, PASSWORD);
        long ben = staff.create(tenant, "ben", "Ben Krüger", StaffRole.SUPERVISOR, PASSWORD);
        long admin = staff.create(tenant, "admin", "Office Admin", StaffRole.ADMIN, PASSWORD);
        long art = room(tenant, "Art room", 12);
        long gym = room(tenant, "Gym", 25);
        room(tenant, "Library", 10);
        room(tenant, "Music room", 8);
        long younger = group(tenant, "Classes 1–2");
        long older = group(tenant, "Classes 3–4");
        // The demo school is set up as its admin would do it, so its audit log starts with the leads.
        StaffPrincipal seeder = new StaffPrincipal(admin, tenant, StaffRole.ADMIN, "demo-seed", clock.instant());
        groupLeads.replace(seeder, Long.toString(younger), List.of(Long.toString(anna)));
        groupLeads.replace(seeder, Long.toString(older), List.of(Long.toString(ben)));
        List<Long> students = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String schoolClass = CLASSES[i % CLASSES.length];
            students.add(student(
                    tenant,
                    FIRST_NAMES[(i * 7) % FIRST_NAMES.length],
                    LAST_NAMES[(i * 3 + i / 20) % LAST_NAMES.length],
                    schoolClass,
                    "DEMO-%04d".formatted(i + 1),
                    schoolClass.startsWith("1") || schoolClass.startsWith("2") ? younger : older));
        }
        long painting = Long.parseLong(activeGroups
                .start(
                        seeder,
                        new StartActivityRequest("Painting", Long.toString(art), null, List.of(Long.toString(anna))))
                .id());
        long football = Long.parseLong(activeGroups
                .start(
                        seeder,
                        new StartActivityRequest("Football", Long.toString(gym), null, List.of(Long.toString(ben))))
                .id());
        checkIn(tenant, students.subList(0, 5), painting);
        checkIn(tenant, students.subList(5, 9), football);
        log.info("Demo tenant 'demo' seeded: 4 rooms, {} students, 2 running activities", students.size());
    }

    @Transactional
    public void seedDemo2() {
        if (tenants.find("demo2").isPresent()) {
            log.info("Demo tenant 'demo2' is already there");
            return;
        }
        long tenant = tenants.create("demo2", "Riverside Day Care");
        staff.create(tenant, "clara", "Clara Vogel", StaffRole.SUPERVISOR, PASSWORD);
        room(tenant, "Clubroom", 15);
        for (int i = 0; i < 8; i++) {
            student(
                    tenant,
                    FIRST_NAMES[(i * 11 + 3) % FIRST_NAMES.length],
                    LAST_NAMES[(i * 7 + 5) % LAST_NAMES.length],
                    CLASSES[i % CLASSES.length],
                    "DEMO2-%04d".formatted(i + 1),
                    null);
        }
        log.info("Demo tenant 'demo2' seeded: 1 room, 8 students");
    }

    private void checkIn(long tenant, List<Long> students, long activeGroupId) {
        for (long id : students) {
            visits.checkIn(
                    tenant,
                    Visits.Child.id(id),
                    Visits.Place.group(activeGroupId),
                    VisitSource.MANUAL,
                    clock.instant());
        }
    }

    private long room(long tenant, String name, int capacity) {
        return rooms.create(tenant, name, capacity);
    }

    private long group(long tenant, String name) {
        return groups.create(tenant, name);
    }

    private long student(long tenant, String first, String last, String schoolClass, String tag, Long group) {
        return studentRegister.create(tenant, first, last, schoolClass, tag, group);
    }
}
