package app.roomwatch.console.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * What a window shows in words, for tests that read it as a person would: every visible label, button and tab
 * title, which of them are cut off, and which are English in a console that should speak German.
 */
public final class ScreenTexts {

    /** Where {@code Tooltip.install} keeps a node's tooltip. */
    private static final String INSTALLED_TOOLTIP = "javafx.scene.control.Tooltip";

    private ScreenTexts() {}

    /** JavaFX's own words for its stock buttons and menus, which follow the machine's locale, not the console's. */
    public static final Set<String> STOCK_ENGLISH = Set.of("Cancel", "Close", "Apply", "Yes", "Finish", "Copy");

    /**
     * The words of every visible node under {@code root}, skins included: labelled controls, prompt texts, and the
     * tooltips installed on them (shown on hover, so read here whether or not one is showing).
     */
    public static List<String> of(Node root) {
        List<String> texts = new ArrayList<>();
        visit(root, node -> {
            if (node instanceof Labeled labeled
                    && labeled.getText() != null
                    && !labeled.getText().isBlank()) {
                texts.add(labeled.getText());
            }
            if (node instanceof TextInputControl input
                    && input.getPromptText() != null
                    && !input.getPromptText().isBlank()) {
                texts.add(input.getPromptText());
            }
            Tooltip tooltip = node instanceof Control control && control.getTooltip() != null
                    ? control.getTooltip()
                    : node.getProperties().get(INSTALLED_TOOLTIP) instanceof Tooltip installed ? installed : null;
            if (tooltip != null
                    && tooltip.getText() != null
                    && !tooltip.getText().isBlank()) {
                texts.add("tooltip: " + tooltip.getText());
            }
        });
        return texts;
    }

    /**
     * The visible labels and buttons under {@code root} that show their text cut off with an ellipsis, leaving out
     * the rows of lists and tables (data, whose columns a user resizes).
     */
    public static List<String> truncated(Node root) {
        List<String> cut = new ArrayList<>();
        visit(root, node -> {
            if (node instanceof Labeled labeled
                    && labeled.getText() != null
                    && !labeled.getText().isBlank()
                    && !insideCell(labeled)) {
                for (Node child : labeled.getChildrenUnmodifiable()) {
                    if (child instanceof Text shown
                            && !shown.getText().equals(labeled.getText())
                            && shown.getText().endsWith(labeled.getEllipsisString())) {
                        cut.add(labeled.getText() + " (shown as \"" + shown.getText() + "\")");
                    }
                }
            }
        });
        return cut;
    }

    /** The literal parts of every English console and server sentence that German never uses. */
    public static Set<String> englishOnlyFragments() throws IOException {
        Properties en = new Properties();
        Properties de = new Properties();
        load(en, "/app/roomwatch/console/i18n/messages_en.properties");
        load(de, "/app/roomwatch/console/i18n/messages_de.properties");
        Path server = Path.of("..", "server", "src", "main", "resources", "app", "roomwatch", "server", "feed");
        load(en, server.resolve("lines.properties"));
        load(de, server.resolve("lines_de.properties"));
        Set<String> german = new HashSet<>();
        for (String key : de.stringPropertyNames()) {
            german.addAll(fragments(de.getProperty(key)));
        }
        Set<String> english = new HashSet<>();
        for (String key : en.stringPropertyNames()) {
            String value = en.getProperty(key);
            if (value.equals(de.getProperty(key))) {
                continue;
            }
            for (String fragment : fragments(value)) {
                if (fragment.length() >= 4
                        && !german.contains(fragment)
                        && german.stream().noneMatch(g -> g.contains(fragment))) {
                    english.add(fragment);
                }
            }
        }
        return english;
    }

    /** The parts of a MessageFormat pattern outside its {arguments}, trimmed. */
    static List<String> fragments(String pattern) {
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    flush(literal, parts);
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && c != '\'') {
                literal.append(c);
            }
        }
        flush(literal, parts);
        return parts;
    }

    private static void flush(StringBuilder literal, List<String> parts) {
        String part = literal.toString().strip();
        if (part.chars().anyMatch(Character::isLetter)) {
            parts.add(part);
        }
        literal.setLength(0);
    }

    private static void load(Properties into, String resource) throws IOException {
        try (InputStream in = ScreenTexts.class.getResourceAsStream(resource)) {
            into.load(in);
        }
    }

    private static void load(Properties into, Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            into.load(in);
        }
    }

    private static boolean insideCell(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof IndexedCell<?>) {
                return true;
            }
        }
        return false;
    }

    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        if (!node.isVisible()) {
            return;
        }
        action.accept(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, action);
            }
        }
    }
}
