package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.required;
import static app.roomwatch.model.Fields.requiredText;

/** {@code POST /api/auth/login}. */
public record LoginRequest(String tenant, String username, String password) {

    public LoginRequest {
        requiredText(tenant, "tenant");
        requiredText(username, "username");
        required(password, "password");
    }

    @Override
    public String toString() {
        return "LoginRequest[tenant=" + tenant + ", username=" + username + ", password=***]";
    }
}
