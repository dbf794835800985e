package app.roomwatch.server.staff;

import app.roomwatch.server.web.Language;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The language each staff member's console speaks, as it last signed in or renewed its sign-in: what the server
 * writes to them without being asked, such as the notifications it raises itself, is written in it.
 */
@Component
public class StaffLanguages {

    private final JdbcClient jdbc;

    StaffLanguages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers {@code language} for the staff member; a sign-in in the same language writes nothing. */
    public void remember(long tenantId, long staffId, Language language) {
        jdbc.sql("""
                        UPDATE staff SET language = :language
                        WHERE tenant_id = :tenant AND id = :id AND language <> :language
                        """)
                .param("language", language.tag())
                .param("tenant", tenantId)
                .param("id", staffId)
                .update();
    }

    /** The language of each of {@code staffIds}; English for one who never signed in. */
    public Map<Long, Language> of(long tenantId, Collection<Long> staffIds) {
        Map<Long, Language> languages = new HashMap<>();
        if (!staffIds.isEmpty()) {
            jdbc.sql("SELECT id, language FROM staff WHERE tenant_id = :tenant AND id IN (:ids)")
                    .param("tenant", tenantId)
                    .param("ids", staffIds)
                    .query((rs, n) -> languages.put(rs.getLong(1), Language.ofTag(rs.getString(2))))
                    .list();
        }
        return languages;
    }
}
