package app.roomwatch.console.config;

import java.nio.file.Path;

/**
 * One settings file the console looked at, and what it found there: the answer to an admin's "which file did it
 * read?".
 *
 * @param role {@code preset} or {@code user}
 * @param detail why the file could not be used; empty otherwise
 */
public record ConfigFile(String role, Path path, Status status, String detail) {

    /** What became of one file. */
    public enum Status {
        READ,
        ABSENT,
        UNREADABLE
    }

    static ConfigFile read(String role, Path path) {
        return new ConfigFile(role, path, Status.READ, "");
    }

    static ConfigFile absent(String role, Path path) {
        return new ConfigFile(role, path, Status.ABSENT, "");
    }

    static ConfigFile unreadable(String role, Path path, String detail) {
        return new ConfigFile(role, path, Status.UNREADABLE, detail);
    }

    /** One line for a person: {@code preset /etc/roomwatch/console.properties: not present}. */
    public String describe() {
        String what = switch (status) {
            case READ -> "read";
            case ABSENT -> "not present";
            case UNREADABLE -> "unusable, " + detail;
        };
        return role + " " + path + ": " + what;
    }
}
