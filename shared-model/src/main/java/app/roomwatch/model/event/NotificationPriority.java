package app.roomwatch.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Urgent notifications also raise a toast and their own sound on the console. */
public enum NotificationPriority {
    @JsonProperty("urgent")
    URGENT,
    @JsonProperty("info")
    INFO;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static NotificationPriority fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
