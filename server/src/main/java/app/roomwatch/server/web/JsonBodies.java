package app.roomwatch.server.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** Reading request bodies into shared-model records with a readable 400 when they do not fit. */
public final class JsonBodies {

    private JsonBodies() {}

    /** Reads {@code body} as {@code type}, or fails with a 400 naming what is wrong. */
    public static <T> T read(JsonMapper json, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The request body is missing");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("The request body must be a JSON object, not null");
            }
            return value;
        } catch (JacksonException e) {
            throw ApiException.badRequest(describe(e));
        }
    }

    /**
     * What is wrong with a body that could not be read: the record's own field check (its message names the field),
     * else the field whose value has the wrong type, else that it is not JSON at all.
     */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
                return invalid.getMessage();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                String field = databind.getPath().getLast().getPropertyName();
                if (field != null) {
                    return "'" + field + "' has the wrong type or format";
                }
            }
        }
        return "The request body is not valid JSON of the expected shape";
    }
}
