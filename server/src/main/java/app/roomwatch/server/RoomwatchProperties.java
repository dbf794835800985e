package app.roomwatch.server;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's own settings, under {@code roomwatch.*}.
 *
 * @param dataDir where the embedded PostgreSQL keeps its data when no external database is configured
 * @param minimumConsoleVersion consoles older than this are asked to update ({@code GET /api/version}); the default
 *     flags none. Console, server and bundles carry the one project version, so a minimum equal to this server's
 *     version flags only consoles of earlier releases
 */
@ConfigurationProperties("roomwatch")
public record RoomwatchProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0.0.0") String minimumConsoleVersion,
        @DefaultValue Auth auth,
        @DefaultValue Scan scan,
        @DefaultValue Automation automation) {

    /**
     * Staff sign-in.
     *
     * @param jwtSecret the HS256 signing secret; when blank one is generated once and kept in the database, so that
     *     every instance on that database shares it
     * @param maxFailedLogins wrong passwords for one account from one client address before that address must wait
     * @param loginLockout how long it waits then for each further attempt at that account
     * @param maxFailedLoginsPerAddress wrong passwords from one client address, over all accounts, within
     *     {@code addressWindow}
     * @param addressWindow the window of {@code maxFailedLoginsPerAddress}
     * @param unknownDeviceKeysPerAddress requests with an unknown scanner key one client address may send within
     *     {@code addressWindow} before it gets 429
     */
    public record Auth(
            String jwtSecret,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("30d") Duration refreshTokenTtl,
            @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("1m") Duration loginLockout,
            @DefaultValue("30") int maxFailedLoginsPerAddress,
            @DefaultValue("10m") Duration addressWindow,
            @DefaultValue("30") int unknownDeviceKeysPerAddress) {}

    /**
     * Scanner ingest.
     *
     * @param requestsPerMinute scans and heartbeats one device may send a minute before it gets 429
     * @param lanes how many transactions record scans at once (each room's scans in one of them, those that arrive
     *     together committed together); 0 for one per processor
     */
    public record Scan(
            @DefaultValue("600") int requestsPerMinute,
            @DefaultValue("0") int lanes) {}

    /**
     * The automatic work (scheduled checkouts, inactivity, capacity, silent scanners).
     *
     * @param enabled whether the scheduler runs it; tests call it directly instead
     * @param interval how often it runs
     * @param inactivityTimeout how long an active group may stay idle before it is ended, unless it sets its own
     * @param silentDeviceAfter how long a scanner may stay quiet before supervisors are told
     */
    public record Automation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("15s") Duration interval,
            @DefaultValue("4h") Duration inactivityTimeout,
            @DefaultValue("5m") Duration silentDeviceAfter) {}
}
