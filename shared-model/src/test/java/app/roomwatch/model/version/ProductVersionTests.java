package app.roomwatch.model.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProductVersionTests {

    @Test
    void numbersCompareAsNumbersNotAsText() {
        assertThat(v("0.9.0")).isLessThan(v("0.10.0"));
        assertThat(v("0.10.0")).isLessThan(v("1.0.0"));
        assertThat(v("2.0.9")).isLessThan(v("2.0.10"));
    }

    @Test
    void snapshotComesBeforeItsReleaseAndAfterThePreviousOne() {
        assertThat(v("0.10.0-SNAPSHOT")).isLessThan(v("0.10.0"));
        assertThat(v("0.10.0-SNAPSHOT")).isGreaterThan(v("0.9.9"));
        assertThat(v("0.10.0")).isLessThan(v("0.10.1-SNAPSHOT"));
        assertThat(v("0.10.0-rc1")).isLessThan(v("0.10.0-SNAPSHOT"));
    }

    @Test
    void missingNumbersAreZero() {
        assertThat(v("1.0")).isEqualByComparingTo(v("1.0.0")).isEqualTo(v("1"));
        assertThat(v("1")).hasToString("1.0.0");
    }

    @Test
    void sortsAListTheWayPeopleReadIt() {
        List<ProductVersion> sorted = Stream.of("1.0.0", "0.10.0", "0.9.0", "0.10.0-SNAPSHOT", "0.9.10")
                .map(ProductVersion::parse)
                .sorted()
                .toList();

        assertThat(sorted)
                .extracting(ProductVersion::toString)
                .containsExactly("0.9.0", "0.9.10", "0.10.0-SNAPSHOT", "0.10.0", "1.0.0");
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        for (String text : new String[] {"", "latest", "v1.2.3", "1..2", "1.2.", "99999999999.0"}) {
            assertThatIllegalArgumentException().as(text).isThrownBy(() -> ProductVersion.parse(text));
        }
    }

    private static ProductVersion v(String text) {
        return ProductVersion.parse(text);
    }
}
