package app.roomwatch.server.web;

import java.util.Locale;
import java.util.ResourceBundle;

/** The languages the server writes its words in (decision 0009): German for whoever asks for it, else English. */
public enum Language {
    ENGLISH("en", Locale.ENGLISH),
    GERMAN("de", Locale.GERMAN);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** German for a German-speaking caller ({@code Accept-Language: de…}), English for everyone else. */
    public static Language of(Locale requested) {
        return requested != null && requested.getLanguage().equals("de") ? GERMAN : ENGLISH;
    }

    /** The language of a stored tag ({@code en}, {@code de}); English for anything else. */
    public static Language ofTag(String tag) {
        return GERMAN.tag.equals(tag) ? GERMAN : ENGLISH;
    }

    /** {@code en} or {@code de}, as stored. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The bundle {@code baseName} in this language; its base file is English, never the server machine's locale. */
    public ResourceBundle bundle(String baseName) {
        return ResourceBundle.getBundle(
                baseName,
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
