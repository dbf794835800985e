package app.roomwatch.server.demo;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.activity.ActiveGroups;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.visit.Visits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ActiveGroups activeGroups;
    private final Visits visits;
    private final Clock clock;

    DemoData(JdbcClient jdbc, PasswordEncoder passwords, ActiveGroups activeGroups, Visits visits, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.activeGroups = activeGroups;
        this.visits = visits;
        this.clock = clock;
    }

    @Transactional
    public void seedDemo() {
        if (exists("demo")) {
            log.info("Demo tenant 'demo' is already there");
            return;
        }
        long tenant = tenant("demo", "Sunflower After-School Club");
        String hash = passwords.encode(PASSWORD);
        long anna = staff(tenant, "anna", "Anna Hoffmann", StaffRole.SUPERVISOR, hash);
        long ben = staff(tenant, "ben", "Ben Krüger", StaffRole.SUPERVISOR, hash);
        long admin = staff(tenant, "admin", "Office Admin", StaffRole.ADMIN, hash);
        long art = room(tenant, "Art room", 12);
        long gym = room(tenant, "Gym", 25);
        room(tenant, "Library", 10);
        room(tenant, "Music room", 8);
        long younger = group(tenant, "Classes 1–2");
        long older = group(tenant, "Classes 3–4");
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
        StaffPrincipal seeder = new StaffPrincipal(admin, tenant, StaffRole.ADMIN, "demo-seed", clock.instant());
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
        if (exists("demo2")) {
            log.info("Demo tenant 'demo2' is already there");
            return;
        }
        long tenant = tenant("demo2", "Riverside Day Care");
        staff(tenant, "clara", "Clara Vogel", StaffRole.SUPERVISOR, passwords.encode(PASSWORD));
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
        Visits.Group group = visits.runningGroup(tenant, activeGroupId).orElseThrow();
        for (long id : students) {
            Visits.Student student = visits.lockStudent(tenant, id).orElseThrow();
            visits.checkIn(tenant, student, group, VisitSource.MANUAL, clock.instant());
        }
    }

    private boolean exists(String slug) {
        return jdbc.sql("SELECT count(*) FROM tenant WHERE slug = :slug")
                        .param("slug", slug)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long tenant(String slug, String name) {
        return jdbc.sql("INSERT INTO tenant (slug, name) VALUES (:slug, :name) RETURNING id")
                .param("slug", slug)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private long staff(long tenant, String username, String displayName, StaffRole role, String hash) {
        return jdbc.sql("""
                        INSERT INTO staff (tenant_id, username, display_name, password_hash, role)
                        VALUES (:tenant, :username, :display, :hash, :role) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("username", username)
                .param("display", displayName)
                .param("hash", hash)
                .param("role", role.name())
                .query(Long.class)
                .single();
    }

    private long room(long tenant, String name, int capacity) {
        return jdbc.sql("INSERT INTO room (tenant_id, name, capacity) VALUES (:tenant, :name, :capacity) RETURNING id")
                .param("tenant", tenant)
                .param("name", name)
                .param("capacity", capacity)
                .query(Long.class)
                .single();
    }

    private long group(long tenant, String name) {
        return jdbc.sql("INSERT INTO student_group (tenant_id, name) VALUES (:tenant, :name) RETURNING id")
                .param("tenant", tenant)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private long student(long tenant, String first, String last, String schoolClass, String tag, Long group) {
        return jdbc.sql("""
                        INSERT INTO student (tenant_id, first_name, last_name, school_class, rfid_tag, group_id)
                        VALUES (:tenant, :first, :last, :class, :tag, :group) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("first", first)
                .param("last", last)
                .param("class", schoolClass)
                .param("tag", tag)
                .param("group", group)
                .query(Long.class)
                .single();
    }
}
