package app.roomwatch.loadtest.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomwatchTargetTests {

    @Test
    void sumsEveryHeapPoolOfThePrometheusPage() {
        String page = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                """;

        assertThat(RoomwatchTarget.heapFromPrometheus(page)).isEqualTo(10_485_760L + 2_097_152L);
        assertThat(RoomwatchTarget.heapFromPrometheus("up 1\n")).isEqualTo(-1);
    }
}
