package app.roomwatch.console.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings files stacked by precedence. A value that does not parse is reported and the next file down is asked,
 * so that a user's typo never hides the admin's working preset.
 */
final class LayeredSettings {

    record Layer(ConfigFile file, Properties properties) {}

    static final String DEFAULT_ORIGIN = "built-in default";

    private final List<Layer> layersHighestFirst;
    private final Set<String> knownKeys = new LinkedHashSet<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    LayeredSettings(List<Layer> layersHighestFirst) {
        this.layersHighestFirst = List.copyOf(layersHighestFirst);
    }

    /**
     * The value of {@code key} from the highest file that has a valid one, else {@code fallback}.
     *
     * @param parser turns the text into the value; throws {@link IllegalArgumentException} with a reason
     */
    <T> T value(String key, T fallback, Function<String, T> parser) {
        knownKeys.add(key);
        for (Layer layer : layersHighestFirst) {
            String text = layer.properties().getProperty(key);
            if (text == null) {
                continue;
            }
            try {
                T value = parser.apply(text);
                origins.put(key, layer.file().path().toString());
                return value;
            } catch (IllegalArgumentException e) {
                problems.add("Ignored " + key + " in " + layer.file().path() + ": " + e.getMessage());
            }
        }
        origins.put(key, DEFAULT_ORIGIN);
        return fallback;
    }

    /** Keys nobody asked for are most likely typos ({@code server.ulr}); call after every value was read. */
    void reportUnknownKeys() {
        for (Layer layer : layersHighestFirst) {
            for (String key : layer.properties().stringPropertyNames()) {
                if (!knownKeys.contains(key)) {
                    problems.add(
                            "Unknown setting '" + key + "' in " + layer.file().path() + " (ignored)");
                }
            }
        }
    }

    Map<String, String> origins() {
        return Map.copyOf(origins);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
