package app.roomwatch.server.web;

/** Ids travel as strings in JSON and paths; one that is not a number names nothing, so it is not found. */
public final class Ids {

    private Ids() {}

    /**
     * The numeric id of {@code id}.
     *
     * @param what what it names, for the 404's detail, e.g. "active group"
     */
    public static long parse(String id, String what) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // falls through to the same answer as an unknown id
        }
        throw ApiException.notFound("There is no " + what + " " + id);
    }

    /** Like {@link #parse} for an id inside a request body: a malformed one there is a bad request. */
    public static long parseField(String id, String field) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // falls through
        }
        throw ApiException.badRequest("'" + field + "' is not a valid id: " + id);
    }

    public static String of(long id) {
        return Long.toString(id);
    }
}
