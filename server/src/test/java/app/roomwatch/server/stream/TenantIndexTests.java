package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantIndexTests {

    final TenantIndex index = new TenantIndex();

    final StreamConnection anna = connection(1, "5", false, Set.of("42"));
    final StreamConnection annaAgain = connection(2, "5", false, Set.of("42"));
    final StreamConnection ben = connection(3, "6", false, Set.of("43"));
    final StreamConnection admin = connection(4, "7", true, Set.of());

    TenantIndexTests() {
        index.add(anna);
        index.add(annaAgain);
        index.add(ben);
        index.add(admin);
    }

    @Test
    void routesEachTopicToExactlyItsAudience() {
        assertThat(audience(index, "tenant")).containsExactlyInAnyOrder(anna, annaAgain, ben, admin);
        assertThat(audience(index, "staff:5")).containsExactlyInAnyOrder(anna, annaAgain);
        assertThat(audience(index, "staff:7")).containsExactly(admin);
        assertThat(audience(index, "active-group:42")).containsExactlyInAnyOrder(anna, annaAgain, admin);
        assertThat(audience(index, "active-group:43")).containsExactlyInAnyOrder(ben, admin);
        assertThat(audience(index, "active-group:44")).containsExactly(admin);
        assertThat(audience(index, "staff:99")).isEmpty();
        assertThat(audience(index, "something-else")).isEmpty();
    }

    @Test
    void aRescopedConnectionMovesBetweenGroups() {
        index.rescope(ben, Set.of("42", "44"));
        assertThat(audience(index, "active-group:43")).containsExactly(admin);
        assertThat(audience(index, "active-group:44")).containsExactlyInAnyOrder(ben, admin);
        assertThat(audience(index, "active-group:42")).contains(ben);
        assertThat(ben.scope().activeGroupIds()).containsExactlyInAnyOrder("42", "44");
    }

    @Test
    void anEndedGroupLeavesEveryScope() {
        index.forgetGroup("42");
        assertThat(audience(index, "active-group:42")).containsExactly(admin);
        assertThat(anna.scope().activeGroupIds()).isEmpty();
    }

    @Test
    void aRemovedConnectionReceivesNothing() {
        assertThat(index.remove(anna)).isTrue();
        assertThat(index.remove(anna)).isFalse();
        assertThat(audience(index, "tenant")).doesNotContain(anna);
        assertThat(audience(index, "active-group:42")).doesNotContain(anna);
        assertThat(index.ofStaff("5")).containsExactly(annaAgain);
    }

    /** Who an event on {@code topic} goes to, in a list, so that a connection reached twice shows. */
    static List<StreamConnection> audience(TenantIndex index, String topic) {
        var audience = new ArrayList<StreamConnection>();
        index.forEachInAudience(topic, audience::add);
        return audience;
    }

    static StreamConnection connection(long number, String staff, boolean admin, Set<String> groups) {
        return new StreamConnection(number, new Scope(1, staff, admin, groups), "s", Instant.MAX, 8, new BufferSink());
    }
}
