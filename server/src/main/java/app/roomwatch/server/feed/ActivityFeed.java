package app.roomwatch.server.feed;

import app.roomwatch.model.api.ActivityEntry;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Readable lines for the events a staff member may see: the tenant topic, their own staff topic, and the active
 * groups they supervise or supervised until the activity ended (admins: every active group of the tenant, but still
 * only their own staff topic: other staff members' notifications are theirs, and an announcement is one copy per
 * recipient). An ended activity stays, so that the children its end checked out, and what happened in it before, do
 * not vanish from the feed of the people who ran it.
 * Occupancy counts and read receipts are left out: they are the same facts again, not news. Lines are written in the
 * caller's language ({@code Accept-Language}: English or German) when they are read, from the events' data.
 */
@Service
class ActivityFeed {

    private final FeedQueries queries;

    ActivityFeed(FeedQueries queries) {
        this.queries = queries;
    }

    List<ActivityEntry> page(StaffPrincipal me, FeedCursor before, int limit, Locale locale) {
        FeedWords words = FeedWords.in(locale);
        List<FeedQueries.Row> rows = queries.page(me, before, limit);
        Names names = names(me.tenantId(), rows, words);
        return rows.stream()
                .map(row -> new ActivityEntry(row.cursor(), row.type(), row.at(), text(row, names, words)))
                .toList();
    }

    /**
     * The names the events' ids stand for. A name that cannot be found (an id from elsewhere, a row gone) is said in
     * the line's language: the subject of a line ({@link #subject}) reads differently from a place in it, in German.
     */
    private record Names(
            Map<String, String> groups, Map<String, String> rooms, Map<String, String> devices, FeedWords words) {
        String group(JsonNode data) {
            return groups.getOrDefault(data.path("activeGroupId").asString(""), words.get("unnamed.activity.in"));
        }

        /** The activity as the subject of a line ("An activity started …"). */
        String subject(JsonNode data) {
            return groups.getOrDefault(data.path("activeGroupId").asString(""), words.get("unnamed.activity"));
        }

        String room(JsonNode data) {
            return rooms.getOrDefault(data.path("roomId").asString(""), words.get("unnamed.room.in"));
        }
    }

    private Names names(long tenant, List<FeedQueries.Row> rows, FeedWords words) {
        Set<Long> groupIds = new HashSet<>();
        Set<Long> roomIds = new HashSet<>();
        Set<Long> deviceIds = new HashSet<>();
        for (FeedQueries.Row row : rows) {
            addId(groupIds, row.data().path("activeGroupId"));
            addId(roomIds, row.data().path("roomId"));
            addId(deviceIds, row.data().path("deviceId"));
        }
        return new Names(
                queries.names("active_group", tenant, groupIds),
                queries.names("room", tenant, roomIds),
                queries.names("device", tenant, deviceIds),
                words);
    }

    private static void addId(Set<Long> ids, JsonNode id) {
        if (id.isString()) {
            try {
                ids.add(Long.parseLong(id.asString()));
            } catch (NumberFormatException e) {
                // not one of ours; shown without a name
            }
        }
    }

    private static String text(FeedQueries.Row row, Names names, FeedWords words) {
        JsonNode data = row.data();
        String student = data.path("studentName").asString(words.get("child"));
        return switch (row.type()) {
            case "student_checkin" ->
                words.get("checkin", student, names.group(data), names.room(data), how(data, words));
            case "student_checkout" ->
                words.get("checkout", student, names.group(data), names.room(data), how(data, words));
            case "activity_start" ->
                words.get(
                        "start",
                        data.path("name").asString(names.subject(data)),
                        data.path("roomName").asString(names.room(data)));
            case "activity_end" -> words.get("end", names.subject(data), names.room(data));
            case "supervision_changed" ->
                words.get("supervision", data.path("activeGroupIds").size());
            case "notification_new" ->
                words.get("notification", data.path("title").asString(""));
            case "device_status" ->
                words.get(
                        "device",
                        names.devices().getOrDefault(data.path("deviceId").asString(""), ""),
                        names.room(data),
                        words.find(
                                "device." + data.path("status").asString(""),
                                data.path("status").asString("")));
            default -> row.type();
        };
    }

    private static String how(JsonNode data, FeedWords words) {
        return words.find("how." + data.path("source").asString(""), "");
    }
}
