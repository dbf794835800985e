package app.roomwatch.console.admin;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.model.api.admin.AuditEntry;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit log: who changed what and when, newest first, a page at a time; each entry worded as a sentence in
 * the console's language from its action, never the server's words.
 */
public final class AuditLogViewModel {

    static final int PAGE = 50;

    private final AdminApi api;
    private final Loader loader;
    private final Messages messages;
    /** The name of the room or group a detail refers to ({@code roomId}, id), or {@code null} when not known. */
    private final BiFunction<String, String, String> nameOf;

    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    AuditLogViewModel(AdminApi api, TaskExecutor tasks, Messages messages, BiFunction<String, String, String> nameOf) {
        this.api = api;
        this.nameOf = nameOf;
        this.loader = tasks.loader();
        this.messages = messages;
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    /** True when the last page was full, so older entries may follow. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The newest page again. */
    public void reload() {
        loader.load(() -> api.audit(PAGE, null), page -> show(page, false), this::failed);
    }

    /** The page before the oldest entry shown, added below it. */
    public void older() {
        if (entries.isEmpty()) {
            reload();
            return;
        }
        String oldest = entries.getLast().id();
        loader.load(() -> api.audit(PAGE, oldest), page -> show(page, true), this::failed);
    }

    private void show(List<AuditEntry> page, boolean append) {
        error.set("");
        if (append) {
            entries.addAll(page);
        } else {
            entries.setAll(page);
        }
        more.set(page.size() == PAGE);
    }

    private void failed(Exception e) {
        error.set(messages.get("admin.loadFailed", ErrorText.of(e, messages)));
    }

    /** "Office Admin archived the child Mia K." */
    public String sentence(AuditEntry entry) {
        String actor = entry.actorName() == null ? messages.get("admin.audit.commandLine") : entry.actorName();
        String target = entry.targetName() == null ? "" : entry.targetName();
        Map<String, String> details = entry.details() == null ? Map.of() : entry.details();
        if ("students.imported".equals(entry.action())) {
            return messages.get(
                    "admin.audit.students.imported",
                    actor,
                    count(details.get("added")),
                    count(details.get("changed")),
                    count(details.get("refused")));
        }
        String sentence = messages.find("admin.audit." + entry.action(), actor, target);
        if (sentence == null) {
            sentence = messages.get("admin.audit.other", actor, entry.action(), target);
        }
        // A name that ends in a full stop ("Mia K.") ends the sentence with it.
        String bare = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        if (details.isEmpty()) {
            return bare.endsWith(".") ? bare : bare + ".";
        }
        String changed = details.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(detail -> detail(detail.getKey(), detail.getValue()))
                .collect(Collectors.joining(", "));
        return bare + " " + messages.get("admin.audit.details", changed) + ".";
    }

    private String detail(String field, String value) {
        String name = messages.find("admin.audit.field." + field);
        String label = name == null ? field : name;
        if (value == null || value.equals("changed")) {
            return label;
        }
        if (field.endsWith("Id") && !value.equals("none")) {
            // An id says nothing to a person: the room's or group's name, or just which field changed.
            String named = nameOf.apply(field, value);
            return named == null ? label : label + ": " + named;
        }
        String role = messages.find("admin.role." + value);
        String word = role != null ? role : messages.find("admin.audit.value." + value);
        return label + ": " + (word == null ? value : word);
    }

    private static int count(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
