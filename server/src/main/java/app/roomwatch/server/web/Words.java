package app.roomwatch.server.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Sentences the server writes for people, in one language: English, or German for a caller whose
 * {@code Accept-Language} asks for it (decision 0009). Each feature keeps its sentences in a bundle of its own.
 */
public final class Words {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Words(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle's words in German for a German-speaking caller, English for everyone else. */
    public static Words in(String bundle, Locale requested) {
        Language language = Language.of(requested);
        return new Words(language.bundle(bundle), language.locale());
    }

    /** The bundle's words in the language of the request being answered. */
    public static Words forCaller(String bundle) {
        return in(bundle, LocaleContextHolder.getLocale());
    }

    /** The sentence {@code key} with {@code args} put in ({@link MessageFormat}). */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** The words for {@code key}, or {@code otherwise} when there are none (a value this server does not know). */
    public String find(String key, String otherwise) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }
}
