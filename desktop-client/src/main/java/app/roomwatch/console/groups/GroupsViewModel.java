package app.roomwatch.console.groups;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.model.api.Person;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The My groups screen, made of three view-models with one job each: the groups and their children ({@link
 * #mine()}), the child search for a manual check-in ({@link #search()}), and the supervisor's actions ({@link
 * #actions()}); they share the one line that says how the last action went.
 */
public final class GroupsViewModel {

    private final ActionMessage message;
    private final MyGroupsViewModel mine;
    private final ChildSearchViewModel search;
    private final GroupActionsViewModel actions;

    public GroupsViewModel(
            GroupsApi api, TaskExecutor tasks, Scheduler scheduler, Messages messages, Supplier<Person> me) {
        this.message = new ActionMessage(messages);
        this.mine = new MyGroupsViewModel(api, tasks, scheduler, message);
        this.search = new ChildSearchViewModel(
                api, tasks, message, () -> mine.groups().selectedIdProperty().get());
        this.actions = new GroupActionsViewModel(api, tasks, scheduler, message, mine, me);
    }

    public MyGroupsViewModel mine() {
        return mine;
    }

    public ChildSearchViewModel search() {
        return search;
    }

    public GroupActionsViewModel actions() {
        return actions;
    }

    /** Forgets what the last action said (it is old news once the connection came back). */
    public void clearMessage() {
        message.clear();
    }

    /** True while the message says why something failed. */
    public ReadOnlyBooleanProperty messageIsFailureProperty() {
        return message.failureProperty();
    }

    /** What the last action did or why it failed, in words; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }
}
