package app.roomwatch.model.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * What a scanner's scans do: {@code scan} checks children in and out; {@code assign} only reads the tag, so an admin
 * can give a new tag to a child by holding it to the scanner.
 */
public enum DeviceMode {
    @JsonProperty("scan")
    SCAN,
    @JsonProperty("assign")
    ASSIGN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceMode fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
