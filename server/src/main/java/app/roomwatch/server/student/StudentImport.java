package app.roomwatch.server.student;

import app.roomwatch.model.api.admin.ImportPreview;
import app.roomwatch.model.api.admin.ImportRefusal;
import app.roomwatch.model.api.admin.ImportRow;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.group.Groups;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Words;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Children from a school's CSV file: which lines add a child, which change one and which are refused, and, unless it
 * is a dry run, all the additions and changes written in one transaction.
 */
@Service
class StudentImport {

    private static final Logger log = LoggerFactory.getLogger(StudentImport.class);
    static final String WORDS = "app.roomwatch.server.student.words";

    /** The longest value a field of the file may have. */
    static final int MAX_LENGTH = 200;

    private enum Column {
        FIRST_NAME("first name", "firstname", "vorname"),
        LAST_NAME("last name", "lastname", "nachname"),
        SCHOOL_CLASS("class", "schoolclass", "klasse"),
        RFID_TAG("tag", "rfidtag", "rfid"),
        GROUP("group", "gruppe");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Optional<Column> named(String header) {
            String name = header.strip().toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.names.contains(name)) {
                    return Optional.of(column);
                }
            }
            return Optional.empty();
        }
    }

    /** A line of the file that read well: its values, blank ones {@code null}. */
    private record Line(
            int number, String firstName, String lastName, String schoolClass, String rfidTag, String groupName) {
        String childKey() {
            return key(firstName, lastName, schoolClass);
        }
    }

    private final StudentImportQueries queries;
    private final Groups groups;
    private final AuditLog audit;

    StudentImport(StudentImportQueries queries, Groups groups, AuditLog audit) {
        this.queries = queries;
        this.groups = groups;
        this.audit = audit;
    }

    /**
     * What the file adds, changes and refuses; written unless {@code dryRun}.
     *
     * @throws ApiException 400 when the file is not UTF-8 or its header lacks a name column
     */
    @Transactional
    public ImportPreview run(StaffPrincipal actor, byte[] csv, boolean dryRun) {
        Words words = Words.forCaller(WORDS);
        long tenant = actor.tenantId();
        List<CsvFile.Record> records;
        try {
            records = CsvFile.parse(csv);
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(words.get("import.notUtf8"));
        }
        if (records.isEmpty() || records.getFirst().fields().isEmpty()) {
            throw ApiException.badRequest(words.get("import.noHeader"));
        }
        List<String> header = records.getFirst().fields().get();
        Map<Column, Integer> columns = columns(header);
        if (!columns.containsKey(Column.FIRST_NAME) || !columns.containsKey(Column.LAST_NAME)) {
            throw ApiException.badRequest(words.get("import.header", String.join(", ", header)));
        }
        if (!dryRun) {
            queries.lockImports(tenant);
        }
        List<StudentImportQueries.Existing> children = queries.children(tenant);
        Map<String, List<StudentImportQueries.Existing>> byKey = new HashMap<>();
        Map<String, StudentImportQueries.Existing> byTag = new HashMap<>();
        Map<String, StudentImportQueries.Existing> byId = new HashMap<>();
        for (StudentImportQueries.Existing child : children) {
            byId.put(Long.toString(child.id()), child);
            byKey.computeIfAbsent(key(child.firstName(), child.lastName(), child.schoolClass()), k -> new ArrayList<>())
                    .add(child);
            if (child.rfidTag() != null) {
                byTag.put(child.rfidTag(), child);
            }
        }
        Map<String, Long> groupIds = groups.idsByName(tenant);

        List<ImportRefusal> refused = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> tagLines = new HashMap<>();
        Map<String, Integer> repeatedTags = new HashMap<>();
        for (CsvFile.Record record : records.subList(1, records.size())) {
            Optional<Line> line = read(record, columns, header.size(), words, refused);
            line.ifPresent(lines::add);
            line.map(Line::rfidTag).filter(Objects::nonNull).ifPresent(tag -> {
                Integer first = tagLines.putIfAbsent(tag, record.line());
                if (first != null) {
                    repeatedTags.putIfAbsent(tag, first);
                }
            });
        }

        List<ImportRow> added = new ArrayList<>();
        List<ImportRow> changed = new ArrayList<>();
        Map<String, Integer> childLines = new HashMap<>();
        for (Line line : lines) {
            String reason = null;
            List<StudentImportQueries.Existing> matches = byKey.getOrDefault(line.childKey(), List.of());
            StudentImportQueries.Existing match = matches.size() == 1 ? matches.getFirst() : null;
            Long groupId = line.groupName() == null ? null : groupIds.get(Groups.nameKey(line.groupName()));
            StudentImportQueries.Existing holder = line.rfidTag() == null ? null : byTag.get(line.rfidTag());
            Integer sameChild = childLines.putIfAbsent(line.childKey(), line.number());
            if (sameChild != null) {
                reason = words.get("import.childTwice", line.number(), sameChild);
            } else if (matches.size() > 1) {
                reason = words.get("import.ambiguous", line.number(), line.firstName(), line.lastName());
            } else if (line.groupName() != null && groupId == null) {
                reason = words.get("import.group", line.number(), line.groupName());
            } else if (line.rfidTag() != null && repeatedTags.containsKey(line.rfidTag())) {
                reason = words.get("import.tagTwice", line.number());
            } else if (holder != null && (match == null || holder.id() != match.id())) {
                reason = words.get("import.tagTaken", line.number(), shortName(holder));
            }
            if (reason != null) {
                refused.add(new ImportRefusal(line.number(), reason));
            } else if (match == null) {
                added.add(row(line, null, List.of()));
            } else {
                List<String> fields = changedFields(line, match, groupId);
                if (!fields.isEmpty()) {
                    changed.add(row(line, match, fields));
                }
            }
        }
        refused.sort(Comparator.comparingInt(ImportRefusal::line));
        if (!dryRun) {
            apply(actor, added, changed, groupIds, byId, refused.size());
        }
        return new ImportPreview(added, changed, refused, !dryRun);
    }

    private void apply(
            StaffPrincipal actor,
            List<ImportRow> added,
            List<ImportRow> changed,
            Map<String, Long> groupIds,
            Map<String, StudentImportQueries.Existing> byId,
            int refused) {
        long tenant = actor.tenantId();
        for (ImportRow row : added) {
            queries.insert(
                    tenant,
                    row.firstName(),
                    row.lastName(),
                    row.schoolClass(),
                    row.rfidTag(),
                    row.groupName() == null ? null : groupIds.get(Groups.nameKey(row.groupName())));
        }
        for (ImportRow row : changed) {
            StudentImportQueries.Existing before = byId.get(row.studentId());
            queries.update(
                    tenant,
                    before.id(),
                    row.firstName(),
                    row.lastName(),
                    row.schoolClass(),
                    row.rfidTag() == null ? before.rfidTag() : row.rfidTag(),
                    row.groupName() == null ? before.groupId() : groupIds.get(Groups.nameKey(row.groupName())));
        }
        audit.record(
                actor,
                AuditAction.STUDENTS_IMPORTED,
                null,
                null,
                Map.of(
                        "added", Integer.toString(added.size()),
                        "changed", Integer.toString(changed.size()),
                        "refused", Integer.toString(refused)));
        log.info(
                "Import into tenant {}: {} children added, {} changed, {} lines refused",
                tenant,
                added.size(),
                changed.size(),
                refused);
    }

    /** The line's values, or empty (and a refusal) when it cannot be one child. */
    private static Optional<Line> read(
            CsvFile.Record record,
            Map<Column, Integer> columns,
            int headerWidth,
            Words words,
            List<ImportRefusal> refused) {
        int number = record.line();
        if (record.fields().isEmpty()) {
            refused.add(new ImportRefusal(number, words.get("import.unparsable", number)));
            return Optional.empty();
        }
        List<String> fields = record.fields().get();
        if (fields.size() > headerWidth
                && fields.subList(headerWidth, fields.size()).stream().anyMatch(f -> !f.isBlank())) {
            // More values than the header has columns: the separator inside an unquoted value, usually.
            refused.add(new ImportRefusal(number, words.get("import.unparsable", number)));
            return Optional.empty();
        }
        String firstName = value(fields, columns.get(Column.FIRST_NAME));
        String lastName = value(fields, columns.get(Column.LAST_NAME));
        String schoolClass = value(fields, columns.get(Column.SCHOOL_CLASS));
        String rfidTag = value(fields, columns.get(Column.RFID_TAG));
        String groupName = value(fields, columns.get(Column.GROUP));
        String reason = null;
        if (firstName == null) {
            reason = words.get("import.firstName", number);
        } else if (lastName == null) {
            reason = words.get("import.lastName", number);
        } else if (Stream.of(firstName, lastName, schoolClass, rfidTag, groupName)
                .anyMatch(v -> v != null && v.length() > MAX_LENGTH)) {
            reason = words.get("import.tooLong", number, MAX_LENGTH);
        }
        if (reason != null) {
            refused.add(new ImportRefusal(number, reason));
            return Optional.empty();
        }
        return Optional.of(
                new Line(number, firstName, lastName, schoolClass == null ? "" : schoolClass, rfidTag, groupName));
    }

    /** Where each known column is; other columns of the file are ignored. */
    private static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            Column.named(header.get(i)).ifPresent(column -> columns.putIfAbsent(column, index));
        }
        return columns;
    }

    private static String value(List<String> fields, Integer column) {
        if (column == null || column >= fields.size()) {
            return null;
        }
        String value = fields.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * Which of the child's fields the line changes. The names differ at most in case (they matched); an empty tag or
     * group on the line leaves the child's as it is.
     */
    private static List<String> changedFields(Line line, StudentImportQueries.Existing child, Long groupId) {
        List<String> fields = new ArrayList<>();
        if (!line.firstName().equals(child.firstName())) {
            fields.add("firstName");
        }
        if (!line.lastName().equals(child.lastName())) {
            fields.add("lastName");
        }
        if (!line.schoolClass().equals(child.schoolClass())) {
            fields.add("schoolClass");
        }
        if (line.rfidTag() != null && !line.rfidTag().equals(child.rfidTag())) {
            fields.add("rfidTag");
        }
        if (groupId != null && !groupId.equals(child.groupId())) {
            fields.add("groupId");
        }
        return fields;
    }

    private static ImportRow row(Line line, StudentImportQueries.Existing match, List<String> changedFields) {
        return new ImportRow(
                line.number(),
                match == null ? null : Long.toString(match.id()),
                line.firstName(),
                line.lastName(),
                line.schoolClass(),
                line.rfidTag(),
                line.groupName(),
                changedFields);
    }

    private static String key(String firstName, String lastName, String schoolClass) {
        return String.join(
                "\u0000",
                firstName.strip().toLowerCase(Locale.ROOT),
                lastName.strip().toLowerCase(Locale.ROOT),
                schoolClass == null ? "" : schoolClass.strip().toLowerCase(Locale.ROOT));
    }

    private static String shortName(StudentImportQueries.Existing child) {
        return child.lastName().isEmpty()
                ? child.firstName()
                : child.firstName() + " " + child.lastName().charAt(0) + ".";
    }
}
