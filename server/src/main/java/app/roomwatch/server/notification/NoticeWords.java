package app.roomwatch.server.notification;

import app.roomwatch.server.web.Language;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The title and body of a {@link Notice} in one language. */
record NoticeWords(String title, String body) {

    private static final String BUNDLE = "app.roomwatch.server.notification.notices";

    static NoticeWords of(Notice notice, Language language) {
        ResourceBundle bundle = language.bundle(BUNDLE);
        Object[] args = notice.args().toArray();
        return new NoticeWords(
                new MessageFormat(bundle.getString(notice.kind() + ".title"), language.locale()).format(args),
                new MessageFormat(bundle.getString(notice.kind() + ".body"), language.locale()).format(args));
    }
}
