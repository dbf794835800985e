package app.roomwatch.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the server knows of a scanner: reporting, silent for too long, or its key revoked. */
public enum DeviceStatus {
    @JsonProperty("online")
    ONLINE,
    @JsonProperty("silent")
    SILENT,
    @JsonProperty("revoked")
    REVOKED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DeviceStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
