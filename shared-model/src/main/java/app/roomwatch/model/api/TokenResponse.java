package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of login and refresh.
 *
 * @param expiresIn seconds until the access token expires
 * @param refreshToken single use: each refresh answers a new one
 */
public record TokenResponse(
        String accessToken,
        String tokenType,
        @JsonProperty(required = true) long expiresIn,
        String refreshToken,
        StaffSummary staff) {

    public static final String BEARER = "Bearer";

    public TokenResponse {
        requiredText(accessToken, "accessToken");
        requiredText(tokenType, "tokenType");
        requiredText(refreshToken, "refreshToken");
        required(staff, "staff");
    }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", staff=" + staff + "]";
    }
}
