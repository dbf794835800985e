package app.roomwatch.server.tenant;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The schools (tenants) on this server: the one place that writes the {@code tenant} table. */
@Service
@Import(TenantQueries.class) // not scanned: the admin commands' small context builds this class too
public class Tenants {

    /** What staff type as "school" when they sign in: lower-case letters, digits and dashes. */
    public static final Pattern SHORT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final TenantQueries queries;

    Tenants(TenantQueries queries) {
        this.queries = queries;
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
        return queries.insert(shortName, name.strip()).orElseThrow(() -> new TenantExistsException(shortName));
    }

    /** The id of the school with this short name. */
    public Optional<Long> find(String shortName) {
        return queries.find(shortName);
    }

    /** The short name of the school with this id. */
    public String shortName(long tenantId) {
        return queries.shortName(tenantId);
    }

    /** A school of that short name is already there. */
    public static final class TenantExistsException extends RuntimeException {
        public TenantExistsException(String shortName) {
            super("There is already a school '" + shortName + "' on this server");
        }
    }
}
