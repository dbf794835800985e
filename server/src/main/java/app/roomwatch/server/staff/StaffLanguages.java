package app.roomwatch.server.staff;

import app.roomwatch.server.web.Language;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The language each staff member's console speaks, as it last signed in or renewed its sign-in: what the server
 * writes to them without being asked, such as the notifications it raises itself, is written in it.
 */
@Service
public class StaffLanguages {

    private final StaffQueries queries;

    StaffLanguages(StaffQueries queries) {
        this.queries = queries;
    }

    /** Remembers {@code language} for the staff member; a sign-in in the same language writes nothing. */
    public void remember(long tenantId, long staffId, Language language) {
        queries.rememberLanguage(tenantId, staffId, language.tag());
    }

    /** The language of each of {@code staffIds}; English for one who never signed in. */
    public Map<Long, Language> of(long tenantId, Collection<Long> staffIds) {
        Map<Long, Language> languages = new HashMap<>();
        queries.languages(tenantId, staffIds).forEach((id, tag) -> languages.put(id, Language.ofTag(tag)));
        return languages;
    }
}
