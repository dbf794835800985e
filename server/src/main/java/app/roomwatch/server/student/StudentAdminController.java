package app.roomwatch.server.student;

import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage children, including the sensitive fields (birthday, guardian contact) only they see. */
@RestController
@RequestMapping("/api/admin/students")
class StudentAdminController {

    private final Students students;
    private final StudentArchive archive;

    StudentAdminController(Students students, StudentArchive archive) {
        this.students = students;
        this.archive = archive;
    }

    @GetMapping
    List<StudentRecord> list(Authentication authentication) {
        return students.list(StaffPrincipal.of(authentication).tenantId());
    }

    @GetMapping("/{id}")
    StudentDetails one(Authentication authentication, @PathVariable String id) {
        return students.details(StaffPrincipal.of(authentication).tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StudentDetails create(Authentication authentication, @RequestBody StudentRequest request) {
        return students.create(StaffPrincipal.of(authentication), request);
    }

    @PutMapping("/{id}")
    StudentDetails update(Authentication authentication, @PathVariable String id, @RequestBody StudentRequest request) {
        return students.update(StaffPrincipal.of(authentication), id, request);
    }

    /** Archives the child: its tag is freed and it leaves every list; refused while it is checked in. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(Authentication authentication, @PathVariable String id) {
        archive.archive(StaffPrincipal.of(authentication), id);
    }
}
