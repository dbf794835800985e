package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTests {

    @Test
    void readsWhatItWrites() {
        assertThat(Cursor.parse("0-0")).contains(Cursor.START);
        assertThat(Cursor.parse("812-9001")).contains(new Cursor(812, 9001));
        assertThat(new Cursor(812, 9001)).hasToString("812-9001");
        assertThat(Cursor.parse(" 812-9001 ")).contains(new Cursor(812, 9001));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "-", "1-", "-1", "1-2-3", "a-1", "1-b", "1_2", "99999999999999999999-1", "+1-2", "1--2"})
    void refusesAnythingElse(String text) {
        assertThat(Cursor.parse(text)).isEmpty();
    }

    @Test
    void ordersByTransactionFirstThenById() {
        var sorted = List.of(new Cursor(7, 20), new Cursor(8, 3), new Cursor(8, 11), new Cursor(9, 1));
        var shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(sorted);
        assertThat(new Cursor(8, 3).isAfter(new Cursor(7, 20))).isTrue();
        assertThat(Cursor.END.isAfter(new Cursor(Long.MAX_VALUE, 1))).isTrue();
    }
}
