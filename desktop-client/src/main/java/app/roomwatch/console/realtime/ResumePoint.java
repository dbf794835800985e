package app.roomwatch.console.realtime;

import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.console.time.Scheduler.Cancellable;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Where the stream resumes: the last cursor seen, kept in the console's data folder so that a restarted console
 * resumes too. Cursor changes are gathered for a moment before the file is written, so a burst of events costs
 * one write. Confined to the client's actor.
 */
final class ResumePoint {

    private static final System.Logger LOG = System.getLogger(ResumePoint.class.getName());

    private final CursorStore store;
    private final Scheduler timers;
    private final Duration saveDelay;
    private boolean loaded;
    private String cursor;
    private String saved;
    private Cancellable saveTimer;

    /** @param timers runs its tasks on the client's actor */
    ResumePoint(CursorStore store, Scheduler timers, Duration saveDelay) {
        this.store = store;
        this.timers = timers;
        this.saveDelay = saveDelay;
    }

    /** The cursor file of one server, tenant and staff member: another user's cursor is never resumed. */
    static CursorStore storeFor(Path dataDir, StaffSession session) {
        String key = session.api().baseUrl() + "\n" + session.tenant() + "\n"
                + session.staff().id();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new CursorStore(
                    dataDir.resolve("stream-cursor-" + HexFormat.of().formatHex(hash, 0, 8) + ".txt"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Path file() {
        return store.file();
    }

    /** The cursor to resume after, or {@code null} when this console has none (the stream starts from now). */
    String cursor() {
        if (!loaded) {
            loaded = true;
            cursor = store.load().orElse(null);
            saved = cursor;
        }
        return cursor;
    }

    void moveTo(String next) {
        loaded = true;
        cursor = next;
        if (saveTimer == null) {
            saveTimer = timers.schedule(saveDelay, this::save);
        }
    }

    void save() {
        if (saveTimer != null) {
            saveTimer.cancel();
            saveTimer = null;
        }
        if (cursor == null || cursor.equals(saved)) {
            return;
        }
        try {
            store.save(cursor);
            saved = cursor;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the stream cursor; a restart will start from now", e);
        }
    }
}
