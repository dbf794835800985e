package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.SupervisionChanged;
import app.roomwatch.model.event.Topic;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeChangesTests {

    final ScopeChanges changes = new ScopeChanges();

    @Test
    void aScopeReadBeforeAChangeIsStaleAndOneReadAfterItIsNot() {
        changes.follow(supervisionChanged(new Cursor(10, 3), "5"), null);

        assertThat(changes.changedAfter(1, "5", new Cursor(10, 2))).isTrue();
        assertThat(changes.changedAfter(1, "5", new Cursor(10, 3))).isFalse();
        assertThat(changes.changedAfter(1, "6", new Cursor(10, 2))).isFalse();
        assertThat(changes.changedAfter(2, "5", new Cursor(10, 2))).isFalse();
    }

    @Test
    void forgetsChangesUpToAFloorAndTreatsScopesReadBeforeItAsStale() {
        for (int staff = 1; staff <= 100; staff++) {
            changes.follow(supervisionChanged(new Cursor(10, staff), Integer.toString(staff)), null);
        }
        assertThat(changes.remembered()).isEqualTo(100);

        changes.forgetUpTo(new Cursor(10, 90));

        assertThat(changes.remembered()).isEqualTo(10);
        // Forgotten, but a scope read before the floor can not be trusted any more: read it again.
        assertThat(changes.changedAfter(1, "3", new Cursor(10, 2))).isTrue();
        // Read after the forgotten change: fine.
        assertThat(changes.changedAfter(1, "3", new Cursor(10, 90))).isFalse();
        // Remembered changes still count.
        assertThat(changes.changedAfter(1, "95", new Cursor(10, 90))).isTrue();
        assertThat(changes.changedAfter(1, "95", Cursor.END)).isFalse();
    }

    private static StoredEvent supervisionChanged(Cursor cursor, String staffId) {
        var envelope = new EventEnvelope(
                cursor.toString(),
                1,
                Topic.staff(staffId),
                Instant.parse("2026-11-23T08:00:00Z"),
                new SupervisionChanged(List.of("42")));
        return new StoredEvent(cursor, 1, envelope, new byte[0]);
    }
}
