package app.roomwatch.console.groups;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.ErrorText;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The one line under My groups that says what the last action did or why a call failed, whichever part made it. */
final class ActionMessage {

    private final Messages messages;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "message", "");

    ActionMessage(Messages messages) {
        this.messages = messages;
    }

    ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }

    /** Says {@code key} with {@code args} in the user's language. */
    void say(String key, Object... args) {
        text.set(messages.get(key, args));
    }

    void clear() {
        text.set("");
    }

    void failed(Exception e) {
        say("groups.failed", ErrorText.of(e));
    }
}
