package app.roomwatch.console.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings the console will use, with where each came from and everything that was wrong on the way: enough
 * for the self-test and for an admin wondering why a desktop talks to the wrong server.
 *
 * @param files the files looked at, highest precedence first
 * @param origins for each setting, the file it came from, or {@code built-in default}
 * @param problems sentences about files or values that were ignored; empty when all was well
 */
public record LoadedConfig(
        ConsoleConfig config, List<ConfigFile> files, Map<String, String> origins, List<String> problems) {

    public LoadedConfig {
        files = List.copyOf(files);
        origins = Map.copyOf(origins);
        problems = List.copyOf(problems);
    }

    /** The file a setting came from, or {@code built-in default}. */
    public String originOf(String key) {
        return origins.getOrDefault(key, LayeredSettings.DEFAULT_ORIGIN);
    }

    /** Lines for a person: the files looked at, the server URL found and any problems. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        files.forEach(file -> lines.add("settings " + file.describe()));
        lines.add("server URL " + config.serverUrl() + " (from " + originOf(ConsoleConfig.SERVER_URL) + ")");
        problems.forEach(problem -> lines.add("problem: " + problem));
        return lines;
    }
}
