package app.roomwatch.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.DeviceKey;
import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerJar;
import java.util.List;
import java.util.UUID;

/**
 * A school set up the way its admin does it on a fresh server: the school and its admin from the command line, then
 * a room, children, a scanner and a running activity through the REST API.
 */
record School(String shortName, String admin, String password) {

    static final int CHILDREN = 10;

    ServerJar.Result create(ServerJar jar) throws Exception {
        return jar.command(
                password + "\n",
                "admin",
                "create-tenant",
                "--tenant=" + shortName,
                "--name=Oak Primary After-School Club",
                "--admin=" + admin,
                "--display-name=School Office");
    }

    Api.Response login(Api api, String password) {
        return api.post("/api/auth/login", new LoginRequest(shortName, admin, password));
    }

    /** Signs in as the admin and sets up the room, children, scanner and activity; returns the scanner's key. */
    String furnish(ServerJar.Running server) {
        Api.Response login = login(server.api(), password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        TokenResponse session = login.as(TokenResponse.class);
        Api admin = server.api().bearer(session.accessToken());
        String roomId = created(admin.post("/api/admin/rooms", new RoomRequest("Gym", 30)))
                .as(RoomRecord.class)
                .id();
        for (int i = 1; i <= CHILDREN; i++) {
            created(admin.post(
                    "/api/admin/students", new StudentRequest("Child", "No" + i, "2a", tag(i), null, null, null)));
        }
        DeviceKey scanner = created(admin.post("/api/admin/devices", new DeviceRegistration("Gym door", roomId)))
                .as(DeviceKey.class);
        created(admin.post(
                "/api/active/groups",
                new StartActivityRequest(
                        "Football", roomId, null, List.of(session.staff().id()))));
        return scanner.apiKey();
    }

    static String tag(int child) {
        return "OAK-" + child;
    }

    /** One scan at the door with a fresh idempotency key; returns the response. */
    static Api.Response scan(Api scanner, int child) {
        return scan(scanner, child, UUID.randomUUID().toString());
    }

    static Api.Response scan(Api scanner, int child, String idempotencyKey) {
        return scanner.header("Idempotency-Key", idempotencyKey)
                .post("/api/iot/scans", new ScanRequest(tag(child), null, null));
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }
}
