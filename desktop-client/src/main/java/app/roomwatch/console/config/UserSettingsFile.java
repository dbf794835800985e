package app.roomwatch.console.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/**
 * Writes the user's own choices (theme, language, sounds, the remembered sign-in) into the user's settings file,
 * keeping every other key in it. Only the user file: the admin's preset is never written by the console.
 */
public final class UserSettingsFile {

    private final Path path;

    public UserSettingsFile(Path path) {
        this.path = path;
    }

    public UserSettingsFile(ConfigLocations locations) {
        this(locations.user());
    }

    /** Sets {@code values} in the file, creating it and its folder when needed; written whole or not at all. */
    public void update(Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            properties.load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        }
        values.forEach(properties::setProperty);
        StringWriter out = new StringWriter();
        properties.store(out, "Roomwatch console: your own settings (the console writes this file)");
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(temporary, out.toString(), StandardCharsets.UTF_8);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
