package app.roomwatch.console.feed;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.Coalescer;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.KeptSelection;
import app.roomwatch.console.refresh.Loader;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.ActivityEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;

/**
 * The activity feed, newest on top, and the badge that counts what arrived while nobody looked ("3 new
 * activities").
 */
public final class FeedViewModel {

    static final int LIMIT = 200;

    private final FeedSource source;
    private final Loader loader;
    private final Coalescer refetch;
    private final Messages messages;
    private final KeptSelection<ActivityEntry> entries =
            new KeptSelection<>(FXCollections.observableArrayList(), ActivityEntry::id);
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
        badgeText = Bindings.createStringBinding(
                () -> unseen.get() == 0 ? "" : messages.get("feed.badge", unseen.get()), unseen);
    }

    public KeptSelection<ActivityEntry> entries() {
        return entries;
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
                e -> error.set(messages.get("feed.loadFailed", ErrorText.of(e))));
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
        entries.replace(next);
    }
}
