package app.roomwatch.server.web;

import java.util.OptionalLong;

/**
 * Ids travel as strings in JSON and paths, in canonical decimal only: ASCII digits, no sign, no leading zero. Anything
 * else ({@code 01}, {@code +1}, non-ASCII digits) names nothing, so the same row never has two spellings.
 */
public final class Ids {

    /** Long.MAX_VALUE has 19 digits. */
    private static final int MAX_DIGITS = 19;

    private Ids() {}

    /**
     * The numeric id of {@code id}.
     *
     * @param what what it names, for the 404's detail, e.g. "active group"
     */
    public static long parse(String id, String what) {
        return canonical(id).orElseThrow(() -> ApiException.notFound("There is no " + what + " " + id));
    }

    /** Like {@link #parse} for an id inside a request body: a malformed one there is a bad request. */
    public static long parseField(String id, String field) {
        return canonical(id)
                .orElseThrow(() -> ApiException.badRequest(
                        "'" + field + "' is not a valid id (a positive whole number like \"42\"): " + id));
    }

    /** The value of a canonical positive decimal id, or empty. */
    public static OptionalLong canonical(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_DIGITS || id.charAt(0) == '0') {
            return OptionalLong.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // 19 digits beyond Long.MAX_VALUE
        }
    }

    public static String of(long id) {
        return Long.toString(id);
    }
}
