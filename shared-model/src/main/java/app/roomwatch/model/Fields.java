package app.roomwatch.model;

import java.util.List;

/**
 * Checks for the records of this module: a missing or malformed field fails with a message that names it, so a
 * scanner vendor or a console developer reading the error knows what to fix.
 */
public final class Fields {

    private Fields() {}

    /** Returns {@code value}, or fails naming {@code field} when it is absent. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    /** Returns {@code value}, or fails naming {@code field} when it is absent or blank. */
    public static String requiredText(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must not be blank");
        }
        return value;
    }

    /** Returns {@code value}, or {@code null} when it is absent or blank: for fields that may be left empty. */
    public static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Returns an unmodifiable copy of {@code values}, or fails naming {@code field} when it or an element is absent. */
    public static <T> List<T> requiredList(List<T> values, String field) {
        required(values, field);
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException("'" + field + "' must not contain null");
            }
        }
        return List.copyOf(values);
    }

    /** Returns an unmodifiable copy of {@code values}, or an empty list when absent. */
    public static <T> List<T> optionalList(List<T> values, String field) {
        return values == null ? List.of() : requiredList(values, field);
    }

    /** Returns {@code value}, or fails naming {@code field} when it is negative. */
    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException("'" + field + "' must not be negative, was " + value);
        }
        return value;
    }
}
