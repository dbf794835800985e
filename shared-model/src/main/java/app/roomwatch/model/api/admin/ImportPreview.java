package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.requiredList;

import java.util.List;

/**
 * What a CSV import adds, changes and refuses ({@code POST /api/admin/students/import}); lines that match a child
 * with the same values are in none of the lists.
 *
 * @param applied {@code false} for a preview ({@code dryRun=true}), which writes nothing
 */
public record ImportPreview(
        List<ImportRow> added, List<ImportRow> changed, List<ImportRefusal> refused, boolean applied) {
    public ImportPreview {
        added = requiredList(added, "added");
        changed = requiredList(changed, "changed");
        refused = requiredList(refused, "refused");
    }
}
