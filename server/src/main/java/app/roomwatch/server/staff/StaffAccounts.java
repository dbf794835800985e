package app.roomwatch.server.staff;

import app.roomwatch.model.api.StaffRole;
import app.roomwatch.server.auth.SessionControl;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts as the server's own admin tasks create them and reset their passwords. */
@Service
public class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SessionControl sessions;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, SessionControl sessions, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Creates an enabled account and returns its id; the username must be free in the tenant. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(long tenantId, String username, String displayName, StaffRole role, String password) {
        requireUsername(username);
        requirePassword(password);
        return jdbc.sql("""
                        INSERT INTO staff (tenant_id, username, display_name, password_hash, role)
                        VALUES (:tenant, :username, :display, :hash, :role)
                        ON CONFLICT (tenant_id, username) DO NOTHING RETURNING id
                        """)
                .param("tenant", tenantId)
                .param("username", username.strip())
                .param("display", displayName.strip())
                .param("hash", passwords.encode(password))
                .param("role", role.name())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("The username '" + username + "' is already taken"));
    }

    /**
     * Sets a new password and ends every session of the account: its refresh tokens are revoked, its access tokens
     * refused from the next call on, and its open streams on every server instance closed.
     *
     * @return the account's id
     * @throws IllegalArgumentException when the tenant has no such account or the password is empty
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long resetPassword(long tenantId, String username, String password) {
        requirePassword(password);
        long staffId = jdbc.sql("""
                        UPDATE staff SET password_hash = :hash WHERE tenant_id = :tenant AND username = :username
                        RETURNING id
                        """)
                .param("hash", passwords.encode(password))
                .param("tenant", tenantId)
                .param("username", username)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("There is no staff member '" + username + "'"));
        endAllSessions(tenantId, staffId, "password_reset");
        log.info("Password of staff {} in tenant {} reset; all sessions ended", staffId, tenantId);
        return staffId;
    }

    /**
     * Ends every session of an account: its refresh tokens are revoked (so its access tokens are refused from the
     * next call on) and its open streams on every server instance close, once the caller's transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endAllSessions(long tenantId, long staffId, String reason) {
        jdbc.sql("""
                        UPDATE refresh_token SET revoked_at = :now
                        WHERE tenant_id = :tenant AND staff_id = :id AND revoked_at IS NULL
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("tenant", tenantId)
                .param("id", staffId)
                .update();
        sessions.sessionsEnded(tenantId, staffId, null, reason);
    }

    private static void requireUsername(String username) {
        if (username == null || !username.strip().matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            throw new IllegalArgumentException(
                    "A username has 1 to 64 letters, digits, dots, dashes, underscores or @, and no spaces");
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A password must not be empty");
        }
    }
}
