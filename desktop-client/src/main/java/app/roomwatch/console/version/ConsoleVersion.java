package app.roomwatch.console.version;

import app.roomwatch.model.version.ProductVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/** This console's own version, as the build wrote it into the console's resources. */
public final class ConsoleVersion {

    private static final String RESOURCE = "console-version.properties";

    private ConsoleVersion() {}

    /**
     * This console's own version; empty when the classes run without the resource (an IDE that skipped resource
     * filtering), in which case no banner is better than a wrong one.
     */
    public static Optional<ProductVersion> current() {
        try (InputStream in = ConsoleVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(ProductVersion.parse(properties.getProperty("version", "")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
