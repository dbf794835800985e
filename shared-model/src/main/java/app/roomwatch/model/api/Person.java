package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredText;

/** A staff member as other staff see them, e.g. a group's supervisors. */
public record Person(String id, String displayName) {

    public Person {
        requiredText(id, "id");
        requiredText(displayName, "displayName");
    }
}
