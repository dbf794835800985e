package app.roomwatch.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates a fresh tenant per test, so that tests sharing the one database never see each other's rows: an admin
 * {@code admin}, supervisors {@code sup1} and {@code sup2} (password {@link #PASSWORD}), two rooms ("Small", capacity
 * 2, and "Big", capacity 20) and five students with RFID tags {@code <slug>-tag-1} to {@code -5}.
 */
public class TestTenants {

    public static final String PASSWORD = "secret-pass";

    private final JdbcClient jdbc;
    private final String passwordHash;

    public TestTenants(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwordHash = passwords.encode(PASSWORD);
    }

    /** A tenant of its own, with ids as strings (as in JSON). */
    public record TestTenant(
            long id,
            String slug,
            String adminId,
            String sup1Id,
            String sup2Id,
            String smallRoomId,
            String bigRoomId,
            List<String> studentIds,
            List<String> rfidTags) {}

    public TestTenant create() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        long tenant = jdbc.sql("INSERT INTO tenant (slug, name) VALUES (:slug, :slug) RETURNING id")
                .param("slug", slug)
                .query(Long.class)
                .single();
        String admin = staff(tenant, "admin", "Ada Admin", "ADMIN");
        String sup1 = staff(tenant, "sup1", "Sam Super", "SUPERVISOR");
        String sup2 = staff(tenant, "sup2", "Sue Super", "SUPERVISOR");
        String small = room(tenant, "Small", 2);
        String big = room(tenant, "Big", 20);
        List<String> students = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String[][] names = {{"Mia", "Klein"}, {"Noah", "Berg"}, {"Lea", "Wolf"}, {"Ben", "Roth"}, {"Ida", "Sand"}};
        for (int i = 0; i < names.length; i++) {
            String tag = slug + "-tag-" + (i + 1);
            students.add(Long.toString(jdbc.sql("""
                            INSERT INTO student (tenant_id, first_name, last_name, school_class, rfid_tag, birthday)
                            VALUES (:tenant, :first, :last, '3b', :tag, DATE '2017-04-01') RETURNING id
                            """)
                    .param("tenant", tenant)
                    .param("first", names[i][0])
                    .param("last", names[i][1])
                    .param("tag", tag)
                    .query(Long.class)
                    .single()));
            tags.add(tag);
        }
        return new TestTenant(tenant, slug, admin, sup1, sup2, small, big, students, tags);
    }

    private String staff(long tenant, String username, String displayName, String role) {
        return Long.toString(jdbc.sql("""
                        INSERT INTO staff (tenant_id, username, display_name, password_hash, role)
                        VALUES (:tenant, :username, :display, :hash, :role) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("username", username)
                .param("display", displayName)
                .param("hash", passwordHash)
                .param("role", role)
                .query(Long.class)
                .single());
    }

    private String room(long tenant, String name, int capacity) {
        return Long.toString(
                jdbc.sql("INSERT INTO room (tenant_id, name, capacity) VALUES (:tenant, :name, :capacity) RETURNING id")
                        .param("tenant", tenant)
                        .param("name", name)
                        .param("capacity", capacity)
                        .query(Long.class)
                        .single());
    }
}
