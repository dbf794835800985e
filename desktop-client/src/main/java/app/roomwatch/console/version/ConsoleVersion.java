package app.roomwatch.console.version;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A product version such as {@code 0.10.0} or {@code 0.10.0-SNAPSHOT}, ordered as people read them: numbers
 * compare as numbers ({@code 0.9.0 < 0.10.0}), missing numbers are zero ({@code 1.0 == 1.0.0}), and a version
 * with a qualifier comes before its release ({@code 0.10.0-SNAPSHOT < 0.10.0 < 0.10.1-SNAPSHOT}).
 *
 * @param numbers the dotted numbers, trailing zeros removed
 * @param qualifier what follows the first {@code -}, as written; empty for a release
 */
public record ConsoleVersion(List<Integer> numbers, String qualifier) implements Comparable<ConsoleVersion> {

    private static final Pattern FORM = Pattern.compile("\\d+(\\.\\d+)*(-[0-9A-Za-z.-]+)?");
    private static final String RESOURCE = "console-version.properties";

    public ConsoleVersion {
        numbers = List.copyOf(numbers);
    }

    /**
     * Reads {@code 1.2.3} or {@code 1.2.3-SNAPSHOT}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ConsoleVersion parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!FORM.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version like 1.2.3 or 1.2.3-SNAPSHOT");
        }
        int dash = trimmed.indexOf('-');
        String digits = dash < 0 ? trimmed : trimmed.substring(0, dash);
        String qualifier = dash < 0 ? "" : trimmed.substring(dash + 1);
        List<Integer> numbers = new ArrayList<>();
        for (String part : digits.split("\\.")) {
            try {
                numbers.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has a number too large to be a version");
            }
        }
        while (numbers.size() > 1 && numbers.getLast() == 0) {
            numbers.removeLast();
        }
        return new ConsoleVersion(numbers, qualifier);
    }

    /**
     * This console's own version, written into a resource by the build; empty when the classes run without it
     * (an IDE that skipped resource filtering), in which case no banner is better than a wrong one.
     */
    public static Optional<ConsoleVersion> current() {
        try (InputStream in = ConsoleVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(parse(properties.getProperty("version", "")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isOlderThan(ConsoleVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(ConsoleVersion other) {
        int length = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < length; i++) {
            int byNumber = Integer.compare(numberAt(i), other.numberAt(i));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        if (qualifier.isEmpty() || other.qualifier.isEmpty()) {
            // A release sorts after every pre-release of the same numbers.
            return Boolean.compare(qualifier.isEmpty(), other.qualifier.isEmpty());
        }
        return qualifier.compareToIgnoreCase(other.qualifier);
    }

    private int numberAt(int index) {
        return index < numbers.size() ? numbers.get(index) : 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.max(numbers.size(), 3); i++) {
            text.append(i == 0 ? "" : ".").append(numberAt(i));
        }
        return qualifier.isEmpty() ? text.toString() : text + "-" + qualifier;
    }
}
