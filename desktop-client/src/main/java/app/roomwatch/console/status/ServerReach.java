package app.roomwatch.console.status;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Whether the console may offer actions that change something on the server now: not while it is Offline or
 * Polling, when what it shows may be old and an action could act on a picture that is no longer true.
 *
 * @param blocked true while such actions are not offered
 * @param why while blocked, a sentence for the disabled action's tooltip; else empty
 */
public record ServerReach(ReadOnlyBooleanProperty blocked, ReadOnlyStringProperty why) {}
