package app.roomwatch.console.admin;

/** What the child dialog asks for; the tag may be blank (none yet) and {@code groupId} {@code null} (no group). */
public record ChildForm(String firstName, String lastName, String schoolClass, String rfidTag, String groupId) {

    boolean complete() {
        return filled(firstName) && filled(lastName);
    }

    private static boolean filled(String text) {
        return text != null && !text.isBlank();
    }

    static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
