package app.roomwatch.server.feed;

import app.roomwatch.server.web.ApiException;

/** A position in the event log, written {@code <tx_id>-<id>} like the stream's cursors. */
record FeedCursor(long txId, long id) {

    /** Before everything there is: the first page. */
    static final FeedCursor END = new FeedCursor(Long.MAX_VALUE, Long.MAX_VALUE);

    static FeedCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return END;
        }
        int dash = text.indexOf('-');
        try {
            if (dash > 0) {
                return new FeedCursor(
                        Long.parseUnsignedLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw ApiException.badRequest("'before' must be a cursor like '1234-56', as in an entry's id");
    }

    @Override
    public String toString() {
        return txId + "-" + id;
    }
}
