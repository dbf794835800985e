package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.ImportPreview;
import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Children: the school's children with a filter; add and edit one (its tag typed, or read at a scanner in assign
 * mode), archive one who left, and import a CSV file after a preview of what it would add, change and refuse.
 */
public final class ChildrenAdminViewModel {

    private final AdminApi api;
    private final TaskExecutor tasks;
    private final AdminRows<StudentRecord> rows;
    private final ObservableList<GroupRecord> groups;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private byte[] previewed;

    ChildrenAdminViewModel(AdminApi api, TaskExecutor tasks, Messages messages, ObservableList<GroupRecord> groups) {
        this.api = api;
        this.tasks = tasks;
        this.groups = groups;
        this.rows = new AdminRows<>(api::students, StudentRecord::id, tasks, messages);
    }

    public AdminRows<StudentRecord> rows() {
        return rows;
    }

    /** The groups a child can belong to, for the dialog. */
    public ObservableList<GroupRecord> groups() {
        return groups;
    }

    /** Words each of which a child's first name, last name, class or tag must start with; empty shows all. */
    public StringProperty filterProperty() {
        return filter;
    }

    public boolean matches(StudentRecord child) {
        String text = filter.get();
        if (text == null || text.isBlank()) {
            return true;
        }
        String[] fields = {child.firstName(), child.lastName(), child.schoolClass(), child.rfidTag()};
        for (String word : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            boolean any = false;
            for (String field : fields) {
                any |= field != null && field.toLowerCase(Locale.ROOT).startsWith(word);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    public void reload() {
        rows.reload();
    }

    public void add(ChildForm form) {
        if (!form.complete()) {
            rows.refuse("admin.children.missing");
            return;
        }
        rows.act(
                () -> {
                    api.saveStudent(null, request(form, null));
                    return null;
                },
                "admin.children.added",
                name(form));
    }

    /** Fetches what the list leaves out (the group), for the edit dialog. */
    public void details(StudentRecord child, Consumer<StudentDetails> show) {
        tasks.execute(() -> api.student(child.id()), show, e -> rows.failed("admin.failed", e));
    }

    /**
     * Saves the dialog's fields and keeps what it does not show (birthday, guardian contact); a blank tag takes the
     * child's tag away, freeing it for another child.
     */
    public void edit(StudentRecord child, ChildForm form) {
        if (!form.complete()) {
            rows.refuse("admin.children.missing");
            return;
        }
        rows.act(
                () -> {
                    api.saveStudent(child.id(), request(form, api.student(child.id())));
                    return null;
                },
                ignored -> {},
                "admin.children.tagTaken",
                "admin.children.changed",
                name(form),
                ChildForm.strip(form.rfidTag()));
    }

    /** Archives a child who left: the history stays, the tag is freed, the child leaves every list. */
    public void archive(StudentRecord child) {
        rows.act(
                () -> {
                    api.archiveStudent(child.id());
                    return null;
                },
                ignored -> {},
                "admin.children.archive.checkedIn",
                "admin.children.archived",
                shortName(child));
    }

    /** The preview of a CSV file; nothing is written. */
    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public void previewImport(byte[] csv) {
        previewed = null;
        preview.set(null);
        rows.say("admin.import.reading");
        tasks.execute(
                () -> api.importStudents(csv, true),
                answer -> {
                    rows.say("");
                    previewed = csv;
                    preview.set(answer);
                },
                e -> rows.failed("admin.import.failed", e));
    }

    /** Writes the previewed file's added and changed rows; the refused ones are skipped. */
    public void applyImport() {
        byte[] csv = previewed;
        if (csv == null) {
            return;
        }
        previewed = null;
        ImportPreview shown = preview.get();
        preview.set(null);
        rows.act(
                () -> api.importStudents(csv, false),
                ignored -> {},
                null,
                "admin.import.applied",
                shown.added().size(),
                shown.changed().size(),
                shown.refused().size());
    }

    public void cancelImport() {
        previewed = null;
        preview.set(null);
    }

    /** "Mia K.": how lists and the audit log name a child. */
    public static String shortName(StudentRecord child) {
        return child.firstName() + " " + child.lastName().charAt(0) + ".";
    }

    private static String name(ChildForm form) {
        return ChildForm.strip(form.firstName()) + " " + ChildForm.strip(form.lastName());
    }

    private static StudentRequest request(ChildForm form, StudentDetails kept) {
        return new StudentRequest(
                ChildForm.strip(form.firstName()),
                ChildForm.strip(form.lastName()),
                ChildForm.strip(form.schoolClass()),
                ChildForm.strip(form.rfidTag()),
                form.groupId(),
                kept == null ? null : kept.birthday(),
                kept == null ? null : kept.guardianContact());
    }
}
