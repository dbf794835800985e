package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.optionalList;
import static app.roomwatch.model.Fields.requiredText;

import java.util.List;

/**
 * A line of a CSV import that adds or changes a child ({@code POST /api/admin/students/import}).
 *
 * @param line the line number in the file, the header being line 1
 * @param studentId the matched child, or {@code null} for a child the import adds
 * @param schoolClass empty or {@code null} when the file gives none
 * @param rfidTag the tag the file gives, or {@code null}
 * @param groupName the group the file names, or {@code null}
 * @param changedFields for a changed child, which of {@code firstName, lastName, schoolClass, rfidTag, groupId}
 *     differ; empty for an added child
 */
public record ImportRow(
        int line,
        String studentId,
        String firstName,
        String lastName,
        String schoolClass,
        String rfidTag,
        String groupName,
        List<String> changedFields) {
    public ImportRow {
        if (line < 1) {
            throw new IllegalArgumentException("'line' must be at least 1, was " + line);
        }
        requiredText(firstName, "firstName");
        requiredText(lastName, "lastName");
        changedFields = optionalList(changedFields, "changedFields");
        if (studentId == null && !changedFields.isEmpty()) {
            throw new IllegalArgumentException("an added row ('studentId' null) has no 'changedFields'");
        }
        if (studentId != null && changedFields.isEmpty()) {
            throw new IllegalArgumentException("a changed row needs 'changedFields'");
        }
    }

    /** Whether the import adds this child rather than changing one. */
    public boolean added() {
        return studentId == null;
    }
}
