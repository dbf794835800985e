package app.roomwatch.console.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the admin's preset and the user's own settings file and merges them, user first. It never throws: a
 * missing file is normal, and a broken one is reported and skipped, so that a console always starts.
 */
public final class ConsoleConfigLoader {

    private final ConfigLocations locations;

    public ConsoleConfigLoader(ConfigLocations locations) {
        this.locations = locations;
    }

    public LoadedConfig load() {
        List<ConfigFile> files = new ArrayList<>();
        List<LayeredSettings.Layer> layers = new ArrayList<>();
        addLayer("user", locations.user(), files, layers);
        addLayer("preset", locations.preset(), files, layers);

        LayeredSettings settings = new LayeredSettings(layers);
        ConsoleConfig config = ConsoleConfig.from(settings);
        settings.reportUnknownKeys();

        List<String> problems = new ArrayList<>();
        for (ConfigFile file : files) {
            if (file.status() == ConfigFile.Status.UNREADABLE) {
                problems.add("The " + file.role() + " file " + file.path() + " is " + file.detail()
                        + "; its settings are ignored");
            }
        }
        problems.addAll(settings.problems());
        return new LoadedConfig(config, files, settings.origins(), problems);
    }

    private static void addLayer(
            String role, Path path, List<ConfigFile> files, List<LayeredSettings.Layer> layersHighestFirst) {
        Properties properties = new Properties();
        ConfigFile file = readInto(role, path, properties);
        files.add(file);
        layersHighestFirst.add(new LayeredSettings.Layer(file, properties));
    }

    private static ConfigFile readInto(String role, Path path, Properties properties) {
        if (!Files.exists(path)) {
            return ConfigFile.absent(role, path);
        }
        if (!Files.isRegularFile(path)) {
            return ConfigFile.unreadable(role, path, "not a regular file");
        }
        try {
            // Strict UTF-8, so that a file saved in another encoding is named rather than half read.
            String text = Files.readString(path);
            // Windows Notepad starts UTF-8 files with a byte-order mark, which would glue onto the first key.
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            // Into a scratch copy: a file that fails half way must contribute nothing.
            Properties loaded = new Properties();
            loaded.load(new StringReader(text));
            properties.putAll(loaded);
            return ConfigFile.read(role, path);
        } catch (CharacterCodingException e) {
            return ConfigFile.unreadable(role, path, "not UTF-8 text (save it as UTF-8)");
        } catch (AccessDeniedException e) {
            return ConfigFile.unreadable(role, path, "not readable by this user (permission denied)");
        } catch (IOException e) {
            return ConfigFile.unreadable(role, path, "not readable (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            // Properties.load rejects a broken \\uXXXX escape this way.
            return ConfigFile.unreadable(role, path, "malformed (" + e.getMessage() + ")");
        }
    }
}
