package app.roomwatch.server.stream;

import java.util.Optional;

/**
 * A position in the event log: the writing transaction's id and the row's id, written {@code "<txId>-<id>"}. The log
 * is ordered by {@code (txId, id)}; {@link #START} ({@code "0-0"}) lies before every event.
 */
record Cursor(long txId, long id) implements Comparable<Cursor> {

    static final Cursor START = new Cursor(0, 0);

    /** After every event there can be. */
    static final Cursor END = new Cursor(Long.MAX_VALUE, Long.MAX_VALUE);

    Cursor {
        if (txId < 0 || id < 0) {
            throw new IllegalArgumentException("a cursor has no negative parts");
        }
    }

    /** The cursor a client sent, or empty when it is not one this server could have written. */
    static Optional<Cursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        int dash = trimmed.indexOf('-');
        if (dash < 1 || dash == trimmed.length() - 1 || trimmed.length() > 41) {
            return Optional.empty();
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (i != dash && (trimmed.charAt(i) < '0' || trimmed.charAt(i) > '9')) {
                return Optional.empty();
            }
        }
        try {
            long txId = Long.parseLong(trimmed, 0, dash, 10);
            long id = Long.parseLong(trimmed, dash + 1, trimmed.length(), 10);
            return txId < 0 || id < 0 ? Optional.empty() : Optional.of(new Cursor(txId, id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean isAfter(Cursor other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Cursor other) {
        int byTx = Long.compare(txId, other.txId);
        return byTx != 0 ? byTx : Long.compare(id, other.id);
    }

    @Override
    public String toString() {
        return txId + "-" + id;
    }
}
