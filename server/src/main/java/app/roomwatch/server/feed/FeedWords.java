package app.roomwatch.server.feed;

import app.roomwatch.server.web.Words;
import java.util.Locale;

/** The activity feed's words in one language: English, or German for a caller who asks for it. */
final class FeedWords {

    private static final String BUNDLE = "app.roomwatch.server.feed.lines";

    private final Words words;

    private FeedWords(Words words) {
        this.words = words;
    }

    /** German for a German-speaking caller, English for everyone else. */
    static FeedWords in(Locale requested) {
        return new FeedWords(Words.in(BUNDLE, requested));
    }

    String get(String key, Object... args) {
        return words.get(key, args);
    }

    /** The words for {@code key}, or {@code otherwise} when there are none (a value this server does not know). */
    String find(String key, String otherwise) {
        return words.find(key, otherwise);
    }
}
