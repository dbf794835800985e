package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredText;

/** {@code POST /api/auth/refresh} and {@code POST /api/auth/logout}. */
public record RefreshRequest(String refreshToken) {

    public RefreshRequest {
        requiredText(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=***]";
    }
}
