package app.roomwatch.console.toast;

import app.roomwatch.console.time.Scheduler;
import java.time.Duration;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The toasts on screen: each hides by itself after {@link #SHOWN_FOR}; at most {@link #MAX_SHOWN} at once. */
public final class ToastViewModel {

    public static final Duration SHOWN_FOR = Duration.ofSeconds(5);
    static final int MAX_SHOWN = 3;

    private final Scheduler scheduler;
    private final ObservableList<Toast> shown = FXCollections.observableArrayList();

    public ToastViewModel(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public ObservableList<Toast> shown() {
        return shown;
    }

    public void show(Toast toast) {
        if (shown.size() == MAX_SHOWN) {
            shown.removeFirst();
        }
        shown.add(toast);
        scheduler.schedule(SHOWN_FOR, () -> shown.remove(toast));
    }

    /** The user closed it before its time. */
    public void dismiss(Toast toast) {
        shown.remove(toast);
    }
}
