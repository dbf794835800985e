package app.roomwatch.server.student;

import app.roomwatch.model.api.admin.ImportPreview;
import app.roomwatch.server.auth.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins import children from a CSV file, previewing first ({@code POST /api/admin/students/import}). */
@RestController
class StudentImportController {

    private final StudentImport imports;

    StudentImportController(StudentImport imports) {
        this.imports = imports;
    }

    /** {@code dryRun} (the default) writes nothing; {@code dryRun=false} writes the added and changed children. */
    @PostMapping(path = "/api/admin/students/import", consumes = "text/csv")
    ImportPreview run(
            Authentication authentication,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestBody byte[] csv) {
        return imports.run(StaffPrincipal.of(authentication), csv, dryRun);
    }
}
