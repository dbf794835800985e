package app.roomwatch.console.feed;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.KeptSelection;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.ActivityEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;

/**
 * The event feed, newest on top, narrowed to one kind when the user asks, with identical system lines in a row
 * shown once ("×4"); and the badge that counts what arrived while nobody looked ("3 new events").
 */
public final class FeedViewModel {

    static final int LIMIT = 200;

    private final FeedSource source;
    private final Loader loader;
    private final Coalescer refetch;
    private final Messages messages;
    private final KeptSelection<FeedLine> entries =
            new KeptSelection<>(FXCollections.observableArrayList(), FeedLine::id);
    private final ObjectProperty<FeedKind> kind = new SimpleObjectProperty<>(this, "kind");
    private List<ActivityEntry> loaded = List.of();
    private final BooleanProperty lookedAt = new SimpleBooleanProperty(this, "lookedAt");
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseen");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringBinding badgeText;
    private final Set<String> known = new HashSet<>();
    private boolean loadedOnce;

    public FeedViewModel(FeedSource source, TaskExecutor tasks, Scheduler scheduler, Messages messages) {
        this.source = source;
        this.loader = tasks.loader();
        this.messages = messages;
        this.refetch = new Coalescer(scheduler, Coalescer.WINDOW, this::reload);
        lookedAt.addListener((obs, was, now) -> {
            if (now) {
                unseen.set(0);
            }
        });
        kind.addListener((obs, was, now) -> entries.replace(lines(loaded)));
        badgeText = Bindings.createStringBinding(
                () -> unseen.get() == 0 ? "" : messages.get("feed.badge", unseen.get()), unseen);
    }

    /** The rows shown: the kind asked for, identical system lines in a row collapsed. */
    public KeptSelection<FeedLine> entries() {
        return entries;
    }

    /** The one kind of line to show, or {@code null} for all. */
    public ObjectProperty<FeedKind> kindProperty() {
        return kind;
    }

    /** True while the feed is on screen; the view sets it, and looking clears the badge. */
    public BooleanProperty lookedAtProperty() {
        return lookedAt;
    }

    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** "3 new activities", or empty when there is nothing new. */
    public StringBinding badgeTextProperty() {
        return badgeText;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Any event that makes a line in the feed. */
    public void onActivity() {
        refetch.trigger();
    }

    public void reload() {
        refetch.cancel();
        loader.load(
                () -> source.activity(LIMIT),
                this::show,
                e -> error.set(messages.get("feed.loadFailed", ErrorText.of(e, messages))));
    }

    /** A reset: the old lines may be gone; the next answer is the new baseline, not "new activities". */
    public void forgetBaseline() {
        loadedOnce = false;
    }

    private void show(List<ActivityEntry> next) {
        error.set("");
        int fresh = 0;
        for (ActivityEntry entry : next) {
            if (known.add(entry.id())) {
                fresh++;
            }
        }
        if (loadedOnce && !lookedAt.get()) {
            unseen.set(unseen.get() + fresh);
        }
        loadedOnce = true;
        loaded = List.copyOf(next);
        entries.replace(lines(loaded));
    }

    private List<FeedLine> lines(List<ActivityEntry> all) {
        List<FeedLine> lines = new ArrayList<>();
        for (ActivityEntry entry : all) {
            FeedLine line = new FeedLine(entry, 1);
            if (kind.get() != null && line.kind() != kind.get()) {
                continue;
            }
            if (!lines.isEmpty()) {
                FeedLine above = lines.getLast();
                if (line.collapses()
                        && above.entry().type().equals(entry.type())
                        && above.entry().text().equals(entry.text())) {
                    lines.set(lines.size() - 1, new FeedLine(above.entry(), above.times() + 1));
                    continue;
                }
            }
            lines.add(line);
        }
        return lines;
    }
}
