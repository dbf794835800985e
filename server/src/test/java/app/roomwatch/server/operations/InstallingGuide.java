package app.roomwatch.server.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** docs/installing.md as its tests read it: a part of the page and the fenced blocks in it, as an admin copies them. */
final class InstallingGuide {

    private static final Path PAGE = Path.of("..", "docs", "installing.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)^( *)```(\\w+)\\n(.*?)^ *```");

    /** One fenced block: its language ({@code sh}, {@code nginx} …) and its text, without a list's indentation. */
    record Block(String language, String text) {}

    private InstallingGuide() {}

    /** The page from {@code start} (its first occurrence) up to the first {@code end} after it. */
    static String part(String start, String end) throws IOException {
        String page = Files.readString(PAGE);
        int from = page.indexOf(start);
        if (from < 0) {
            throw new IllegalStateException("docs/installing.md has no '" + start + "'");
        }
        int to = page.indexOf(end, from + start.length());
        return page.substring(from, to < 0 ? page.length() : to);
    }

    /** The fenced blocks of {@code part}, in the page's order. */
    static List<Block> blocks(String part) {
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(part);
        while (fence.find()) {
            String indent = fence.group(1);
            blocks.add(new Block(
                    fence.group(2),
                    fence.group(3)
                            .lines()
                            .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
                            .collect(Collectors.joining("\n", "", "\n"))));
        }
        return blocks;
    }
}
