package app.roomwatch.console.whereis;

import app.roomwatch.model.api.StudentSummary;
import java.util.List;

/** {@code GET /api/students?query=}: children of the tenant by name or class, each with its location. Blocking. */
@FunctionalInterface
public interface WhereIsSource {

    List<StudentSummary> students(String query) throws Exception;
}
