package app.roomwatch.server.student;

import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding a child for manual check-in: display fields only, never the sensitive ones. */
@RestController
class StudentController {

    private static final int MAX_RESULTS = 50;

    private final JdbcClient jdbc;

    StudentController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Children whose first name, last name or class starts with each word of {@code query}. */
    @GetMapping("/api/students")
    List<StudentSummary> search(Authentication authentication, @RequestParam(defaultValue = "") String query) {
        long tenant = StaffPrincipal.of(authentication).tenantId();
        if (query.length() > 100) {
            throw ApiException.badRequest("'query' must be at most 100 characters");
        }
        String[] words = query.strip().isEmpty() ? new String[0] : query.strip().split("\\s+");
        StringBuilder sql = new StringBuilder(
                "SELECT id, first_name, last_name, school_class FROM student WHERE tenant_id = :tenant");
        for (int i = 0; i < words.length && i < 5; i++) {
            sql.append(" AND (first_name ILIKE :w")
                    .append(i)
                    .append(" OR last_name ILIKE :w")
                    .append(i)
                    .append(" OR school_class ILIKE :w")
                    .append(i)
                    .append(')');
        }
        sql.append(" ORDER BY last_name, first_name, id LIMIT ").append(MAX_RESULTS);
        var statement = jdbc.sql(sql.toString()).param("tenant", tenant);
        for (int i = 0; i < words.length && i < 5; i++) {
            statement = statement.param("w" + i, escapeLike(words[i]) + "%");
        }
        return statement
                .query((rs, n) ->
                        new StudentSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
