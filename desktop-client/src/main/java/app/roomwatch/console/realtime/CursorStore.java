package app.roomwatch.console.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The last cursor this console saw, in a small file, so a restarted console resumes the stream where it stopped
 * instead of starting blind. Written whole to a temporary file and moved over, so a crash never leaves half a
 * cursor.
 */
final class CursorStore {

    private final Path file;

    CursorStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The saved cursor; empty when there is none or the file is unreadable (the stream then starts fresh). */
    Optional<String> load() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String cursor = Files.readString(file, StandardCharsets.UTF_8).strip();
            return cursor.isEmpty() ? Optional.empty() : Optional.of(cursor);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void save(String cursor) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, cursor, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the stream cursor to " + file, e);
        }
    }
}
