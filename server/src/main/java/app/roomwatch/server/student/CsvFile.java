package app.roomwatch.server.student;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CSV file as schools export it from a spreadsheet: UTF-8 with or without a byte order mark, comma- or
 * semicolon-separated (whichever the header line uses more), fields optionally in double quotes with {@code ""} for
 * a quote inside, line breaks inside quotes allowed. Each record keeps the number of the line it starts on, so a
 * refusal can name it.
 */
final class CsvFile {

    /** One record: its first line's number, and its fields, or empty when it does not parse (an unclosed quote). */
    record Record(int line, Optional<List<String>> fields) {}

    private CsvFile() {}

    /**
     * The records of {@code bytes}, blank lines left out.
     *
     * @throws CharacterCodingException when the bytes are not UTF-8
     */
    static List<Record> parse(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = separator(text);
        List<Record> records = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean broken = false;
            boolean blank = true;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.toString().isBlank()) {
                    quoted = true;
                    blank = false;
                    field.setLength(0);
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    blank = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    break;
                } else {
                    if (c == '"') {
                        broken = true; // a quote in the middle of an unquoted field
                    }
                    if (!Character.isWhitespace(c)) {
                        blank = false;
                    }
                    field.append(c);
                }
            }
            if (quoted) {
                broken = true; // the file ended inside quotes
            }
            fields.add(field.toString());
            if (blank && fields.size() == 1) {
                continue;
            }
            records.add(new Record(start, broken ? Optional.empty() : Optional.of(List.copyOf(fields))));
        }
        return records;
    }

    /** Semicolon when the first line has more semicolons than commas outside quotes (German spreadsheets), else comma. */
    private static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
