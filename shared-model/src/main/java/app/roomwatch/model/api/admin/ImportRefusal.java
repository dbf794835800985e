package app.roomwatch.model.api.admin;

import static app.roomwatch.model.Fields.requiredText;

/**
 * A line of a CSV import that is not written, and why.
 *
 * @param reason a sentence in the caller's language, naming the line
 */
public record ImportRefusal(int line, String reason) {
    public ImportRefusal {
        if (line < 1) {
            throw new IllegalArgumentException("'line' must be at least 1, was " + line);
        }
        requiredText(reason, "reason");
    }
}
