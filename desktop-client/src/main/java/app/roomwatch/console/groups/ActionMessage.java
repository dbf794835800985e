package app.roomwatch.console.groups;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one line under My groups that says what the last action did or why a call failed, whichever part made it. A
 * failure is marked as one, and goes away when the next call succeeds.
 */
final class ActionMessage {

    private final Messages messages;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failure = new ReadOnlyBooleanWrapper(this, "failure");

    ActionMessage(Messages messages) {
        this.messages = messages;
    }

    ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }

    /** True while the line says why something failed. */
    ReadOnlyBooleanProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Says {@code key} with {@code args} in the user's language. */
    void say(String key, Object... args) {
        failure.set(false);
        text.set(messages.get(key, args));
    }

    void clear() {
        failure.set(false);
        text.set("");
    }

    void failed(Exception e) {
        failed("groups.failed", e);
    }

    /** Says {@code key}, whose last argument is why the call failed in words, after {@code args}. */
    void failed(String key, Exception e, Object... args) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = ErrorText.of(e, messages);
        text.set(messages.get(key, all));
        failure.set(true);
    }

    /** A call succeeded: a failure shown before no longer holds. */
    void succeeded() {
        if (failure.get()) {
            clear();
        }
    }
}
