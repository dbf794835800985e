package app.roomwatch.console.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word the console shows, from the {@code messages} bundles (English and German). View-models format their
 * texts through this too, so a test can check a German label without a screen.
 */
public final class Messages {

    private static final String BUNDLE = "app.roomwatch.console.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts of {@code language} ({@code en} or {@code de}); anything else gets English. */
    public static Messages of(String language) {
        return new Messages("de".equals(language) ? Locale.GERMAN : Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with {@code args} filled in ({@link MessageFormat} patterns, e.g. plurals). */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The text of {@code key}, or {@code null} when the bundle has none (for keys built from server data). */
    public String find(String key, Object... args) {
        try {
            return get(key, args);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
