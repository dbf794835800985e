package app.roomwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roomwatch.model.event.ActivityEnded;
import app.roomwatch.model.event.ActivityStarted;
import app.roomwatch.model.event.Connected;
import app.roomwatch.model.event.ControlFrame;
import app.roomwatch.model.event.DeviceStatus;
import app.roomwatch.model.event.DeviceStatusChanged;
import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPage;
import app.roomwatch.model.event.EventPayload;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.NotificationsRead;
import app.roomwatch.model.event.Ping;
import app.roomwatch.model.event.Reset;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.StudentCheckedIn;
import app.roomwatch.model.event.StudentCheckedOut;
import app.roomwatch.model.event.SupervisionChanged;
import app.roomwatch.model.event.Topic;
import app.roomwatch.model.event.VisitSource;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventContractTests {

    /** The example of SPEC section 5, verbatim. */
    static final String SPEC_EXAMPLE = """
            {"id":"<cursor>","type":"student_checkin","version":1,"topic":"active-group:42",
             "emittedAt":"2026-11-22T10:00:00.123Z",
             "data":{"studentId":"17","studentName":"Mia K.","activeGroupId":"42","roomId":"3","source":"rfid"}}
            """;

    final JsonMapper json = JsonMapper.builder().build();

    static Stream<EventPayload> everyPayload() {
        return Stream.of(
                new StudentCheckedIn("17", "Mia K.", "42", "3", VisitSource.RFID),
                new StudentCheckedOut("17", "Mia K.", "42", "3", VisitSource.SESSION_END),
                new ActivityStarted("42", "Painting", "3", "Atelier", List.of("5", "6")),
                new ActivityEnded("42", "3"),
                new RoomOccupancyChanged("3", "42", 12),
                new RoomOccupancyChanged("3", null, 0),
                new SupervisionChanged(List.of("42", "43")),
                new NotificationCreated("9", NotificationPriority.URGENT, "Room full", "Atelier: 21/20", "capacity:3"),
                new NotificationsRead(List.of("9", "10")),
                new DeviceStatusChanged("2", "3", DeviceStatus.SILENT));
    }

    @ParameterizedTest
    @MethodSource("everyPayload")
    void everyEventTypeSurvivesAJsonRoundTrip(EventPayload payload) {
        var envelope = new EventEnvelope(
                "81-1234",
                EventEnvelope.CURRENT_VERSION,
                Topic.TENANT,
                Instant.parse("2026-11-22T10:00:00.123Z"),
                payload);

        String written = json.writeValueAsString(envelope);
        EventEnvelope read = json.readValue(written, EventEnvelope.class);

        assertThat(read).isEqualTo(envelope);
        assertThat(json.readTree(written).get("type").asString()).isEqualTo(payload.type());
    }

    @Test
    void everyEventTypeOfTheSpecIsCovered() {
        assertThat(everyPayload().map(EventPayload::type).distinct())
                .containsExactlyInAnyOrder(
                        "student_checkin",
                        "student_checkout",
                        "activity_start",
                        "activity_end",
                        "room_occupancy",
                        "supervision_changed",
                        "notification_new",
                        "notification_read",
                        "device_status");
    }

    /**
     * The payload types are listed once for the compiler ({@code permits}) and once for JSON ({@code JsonSubTypes},
     * which the server's log reader also reads); they must name the same records.
     */
    @Test
    void theJsonSubtypesAreExactlyThePermittedPayloads() {
        var named = Stream.of(
                        EventPayload.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value);
        assertThat(named).containsExactlyInAnyOrder(EventPayload.class.getPermittedSubclasses());
        assertThat(everyPayload().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(EventPayload.class.getPermittedSubclasses());
    }

    @Test
    void theSpecExampleParsesToTheRightRecordAndWritesBackTheSameJson() {
        EventEnvelope envelope = json.readValue(SPEC_EXAMPLE, EventEnvelope.class);

        assertThat(envelope)
                .isEqualTo(new EventEnvelope(
                        "<cursor>",
                        1,
                        "active-group:42",
                        Instant.parse("2026-11-22T10:00:00.123Z"),
                        new StudentCheckedIn("17", "Mia K.", "42", "3", VisitSource.RFID)));
        assertThat(envelope.type()).isEqualTo("student_checkin");

        JsonNode written = json.readTree(json.writeValueAsString(envelope));
        assertThat(written).isEqualTo(json.readTree(SPEC_EXAMPLE));
    }

    @Test
    void controlFramesAndThePollingPageSurviveAJsonRoundTrip() {
        List<ControlFrame> frames = List.of(
                new Connected(List.of("tenant", "staff:5", "active-group:42"), "81-1234"),
                new Ping(Instant.parse("2026-11-22T10:00:30Z")),
                new Reset("cursor older than the retention window"));
        for (ControlFrame frame : frames) {
            assertThat(json.readValue(json.writeValueAsString(frame), frame.getClass()))
                    .isEqualTo(frame);
        }
        var page = new EventPage(List.of(json.readValue(SPEC_EXAMPLE, EventEnvelope.class)), "<cursor>", false);
        assertThat(json.readValue(json.writeValueAsString(page), EventPage.class))
                .isEqualTo(page);
    }

    @Test
    void anUnknownTypeIsRejectedNamingIt() {
        String unknown = SPEC_EXAMPLE.replace("student_checkin", "student_teleported");

        assertThatThrownBy(() -> json.readValue(unknown, EventEnvelope.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("student_teleported");
    }

    @Test
    void aMissingRequiredFieldIsRejectedNamingIt() {
        String missing = SPEC_EXAMPLE.replace("\"studentName\":\"Mia K.\",", "");

        assertThatThrownBy(() -> json.readValue(missing, EventEnvelope.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("studentName");
    }

    @Test
    void aMissingEnvelopeFieldIsRejectedNamingIt() {
        String missing = SPEC_EXAMPLE.replace("\"topic\":\"active-group:42\",", "");

        assertThatThrownBy(() -> json.readValue(missing, EventEnvelope.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("topic");
    }

    @Test
    void aWrongFieldTypeIsRejectedNamingIt() {
        String wrong = SPEC_EXAMPLE.replace("\"roomId\":\"3\"", "\"roomId\":{\"id\":3}");

        assertThatThrownBy(() -> json.readValue(wrong, EventEnvelope.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("roomId");
    }

    @Test
    void aWrongEnvelopeFieldTypeIsRejectedNamingIt() {
        String wrong = SPEC_EXAMPLE.replace("\"version\":1", "\"version\":\"first\"");

        assertThatThrownBy(() -> json.readValue(wrong, EventEnvelope.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("version");
    }

    @Test
    void anUnknownEnumValueIsRejectedNamingTheField() {
        String wrong = SPEC_EXAMPLE.replace("\"source\":\"rfid\"", "\"source\":\"telepathy\"");

        assertThatThrownBy(() -> json.readValue(wrong, EventEnvelope.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("source");
    }

    @Test
    void topicsAreNamedAsTheSpecSays() {
        assertThat(Topic.staff("5")).isEqualTo("staff:5");
        assertThat(Topic.activeGroup("42")).isEqualTo("active-group:42");
        assertThat(Topic.activeGroupId("active-group:42")).isEqualTo("42");
        assertThat(Topic.isActiveGroup(Topic.TENANT)).isFalse();
    }
}
