package app.roomwatch.server.tenant;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The schools (tenants) on this server: the one place that writes the {@code tenant} table. */
@Service
public class Tenants {

    /** What staff type as "school" when they sign in: lower-case letters, digits and dashes. */
    public static final Pattern SHORT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final JdbcClient jdbc;

    Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates a school and returns its id.
     *
     * @throws IllegalArgumentException when the short name is not of {@link #SHORT_NAME}'s form or the name is blank
     * @throws TenantExistsException when a school of that short name exists
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(String shortName, String name) {
        if (shortName == null || !SHORT_NAME.matcher(shortName).matches()) {
            throw new IllegalArgumentException("A school's short name has 1 to 40 lower-case letters, digits and"
                    + " dashes, starting with a letter or digit (for example 'sunflower-club')");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A school needs a name (for example \"Sunflower After-School Club\")");
        }
        return jdbc.sql("""
                        INSERT INTO tenant (slug, name) VALUES (:slug, :name)
                        ON CONFLICT (slug) DO NOTHING RETURNING id
                        """)
                .param("slug", shortName)
                .param("name", name.strip())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new TenantExistsException(shortName));
    }

    /** The id of the school with this short name. */
    public Optional<Long> find(String shortName) {
        return jdbc.sql("SELECT id FROM tenant WHERE slug = :slug")
                .param("slug", shortName)
                .query(Long.class)
                .optional();
    }

    /** The short name of the school with this id. */
    public String shortName(long tenantId) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = :id")
                .param("id", tenantId)
                .query(String.class)
                .single();
    }

    /** A school of that short name is already there. */
    public static final class TenantExistsException extends RuntimeException {
        public TenantExistsException(String shortName) {
            super("There is already a school '" + shortName + "' on this server");
        }
    }
}
