package app.roomwatch.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a visit began or ended. */
public enum VisitSource {
    @JsonProperty("rfid")
    RFID,
    @JsonProperty("manual")
    MANUAL,
    @JsonProperty("scheduled")
    SCHEDULED,
    @JsonProperty("session_end")
    SESSION_END;

    /** The wire and database name, e.g. {@code session_end}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static VisitSource fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
