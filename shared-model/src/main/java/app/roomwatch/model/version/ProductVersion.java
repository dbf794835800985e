package app.roomwatch.model.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A product version such as {@code 0.10.0} or {@code 0.10.0-SNAPSHOT}, ordered as people read them: numbers
 * compare as numbers ({@code 0.9.0 < 0.10.0}), missing numbers are zero ({@code 1.0 == 1.0.0}), and a version
 * with a qualifier comes before its release ({@code 0.10.0-SNAPSHOT < 0.10.0 < 0.10.1-SNAPSHOT}). The console
 * compares itself with the server's minimum by this ordering, and the server's tests check its default by it too.
 *
 * @param numbers the dotted numbers, trailing zeros removed
 * @param qualifier what follows the first {@code -}, as written; empty for a release
 */
public record ProductVersion(List<Integer> numbers, String qualifier) implements Comparable<ProductVersion> {

    private static final Pattern FORM = Pattern.compile("\\d+(\\.\\d+)*(-[0-9A-Za-z.-]+)?");

    public ProductVersion {
        numbers = List.copyOf(numbers);
    }

    /**
     * Reads {@code 1.2.3} or {@code 1.2.3-SNAPSHOT}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ProductVersion parse(String text) {
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
        return new ProductVersion(numbers, qualifier);
    }

    public boolean isOlderThan(ProductVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(ProductVersion other) {
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
