package app.roomwatch.model.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a scan asks for; {@code toggle} (the default) follows the scan rule of SPEC section 3. */
public enum ScanAction {
    @JsonProperty("toggle")
    TOGGLE,
    @JsonProperty("checkin")
    CHECKIN,
    @JsonProperty("checkout")
    CHECKOUT
}
