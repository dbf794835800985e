package app.roomwatch.server.feed;

import app.roomwatch.server.web.Language;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The activity feed's words in one language: English, or German for a caller who asks for it. */
final class FeedWords {

    private static final String BUNDLE = "app.roomwatch.server.feed.lines";

    private final ResourceBundle bundle;
    private final Locale locale;

    private FeedWords(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** German for a German-speaking caller, English for everyone else. */
    static FeedWords in(Locale requested) {
        Language language = Language.of(requested);
        return new FeedWords(language.bundle(BUNDLE), language.locale());
    }

    String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** The words for {@code key}, or {@code otherwise} when there are none (a value this server does not know). */
    String find(String key, String otherwise) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }
}
