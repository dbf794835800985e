package app.roomwatch.server.notification;

import java.util.List;

/**
 * A notification the server raises itself, as a kind and its arguments (names, counts): its title and body are
 * written in each recipient's language when it is stored ({@code notices.properties}, {@code notices_de.properties}).
 *
 * @param kind the sentences' key, e.g. {@code unknown-tag}
 */
public record Notice(String kind, List<Object> args) {

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(String kind, Object... args) {
        return new Notice(kind, List.of(args));
    }
}
