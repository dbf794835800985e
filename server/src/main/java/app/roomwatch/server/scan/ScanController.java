package app.roomwatch.server.scan;

import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.model.api.ScanResult;
import app.roomwatch.server.device.Devices;
import app.roomwatch.server.device.Devices.Device;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.JsonBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The scanners' API: {@code POST /api/iot/scans} and {@code POST /api/iot/heartbeat}, with a device key. */
@RestController
class ScanController {

    private static final int MAX_KEY_LENGTH = 200;

    private final Devices devices;
    private final ScanLanes lanes;
    private final DeviceRateLimiter rateLimiter;
    private final JsonMapper json;

    ScanController(Devices devices, ScanLanes lanes, DeviceRateLimiter rateLimiter, JsonMapper json) {
        this.devices = devices;
        this.lanes = lanes;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    @PostMapping("/api/iot/scans")
    @Operation(
            summary = "Record a tag a scanner read",
            description = "Applies the scan rule: a child who is nowhere is checked in to the activity running in the"
                    + " scanner's room, a child already there is checked out, a child elsewhere is moved here. A"
                    + " scanner in assign mode only reads the tag (result tag_read). Retry a request whose answer"
                    + " did not arrive with the same Idempotency-Key: the first answer comes back byte for byte.",
            security = @SecurityRequirement(name = "deviceKey"),
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ScanRequest.class))))
    @ApiResponse(
            responseCode = "200",
            description = "Recorded: result says what it did (checked_in, checked_out, moved; tag_read in assign mode)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScanResult.class)))
    @ApiResponse(
            responseCode = "400",
            description =
                    "No Idempotency-Key, a key over 200 characters, or a body that is not a scan; fix the firmware")
    @ApiResponse(
            responseCode = "401",
            description = "No device key, or one unknown, rotated or revoked; ask an admin for the current key")
    @ApiResponse(
            responseCode = "404",
            description = "No child has this tag; the room's supervisors were notified. Stored under the key")
    @ApiResponse(
            responseCode = "409",
            description = "No activity runs in the scanner's room, or a checkout of a child who is not here. Stored"
                    + " under the key")
    @ApiResponse(responseCode = "413", description = "A body over 16 KB")
    @ApiResponse(
            responseCode = "422",
            description = "The Idempotency-Key was already used for a different scan; use a new key per scan")
    @ApiResponse(
            responseCode = "429",
            description = "Too many requests from this scanner, or too many unknown keys from this address; wait"
                    + " Retry-After seconds",
            headers =
                    @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = "integer")))
    @ApiResponse(
            responseCode = "500",
            description = "Server trouble; nothing was recorded. Retry with the same key, with backoff")
    ResponseEntity<String> scan(
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Bearer and the scanner's device key: 'Bearer rw_<keyId>_<secret>'",
                            required = true)
                    @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "A new unique value (a UUID) for every scan, the same one for its retries;"
                                    + " at most 200 characters",
                            required = true)
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @Parameter(hidden = true) @RequestBody(required = false) String body,
            @Parameter(hidden = true) HttpServletRequest http) {
        // The key is checked before the body is even read: strangers learn nothing about the API. The scanner's rate
        // limit is taken in its scan's lane, for every scan of a batch at once.
        Device device = authenticate(authorization, http.getRemoteAddr());
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.badRequest("The header 'Idempotency-Key' is required: send a new unique value"
                    + " (a UUID, say) with every scan, and the same value when you retry it");
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("The header 'Idempotency-Key' must be at most 200 characters");
        }
        ScanRequest request = JsonBodies.read(json, body, ScanRequest.class);
        ScanService.Answer answer = lanes.record(new ScanService.Scan(device, idempotencyKey, request, hash(request)));
        devices.seen(device);
        MediaType type = answer.status() < 300 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
        return ResponseEntity.status(answer.status()).contentType(type).body(answer.body());
    }

    @PostMapping("/api/iot/heartbeat")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Tell the server the scanner is alive",
            description = "No body. Send at least every few minutes when idle: a scanner silent for 5 minutes is"
                    + " reported silent to the room's supervisors, and online again with its next request.",
            security = @SecurityRequirement(name = "deviceKey"))
    @ApiResponse(responseCode = "204", description = "Noted")
    @ApiResponse(
            responseCode = "401",
            description = "No device key, or one unknown, rotated or revoked; ask an admin for the current key")
    @ApiResponse(
            responseCode = "429",
            description = "Too many requests from this scanner, or too many unknown keys from this address; wait"
                    + " Retry-After seconds",
            headers =
                    @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = "integer")))
    @ApiResponse(responseCode = "500", description = "Server trouble; try again later")
    void heartbeat(
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Bearer and the scanner's device key: 'Bearer rw_<keyId>_<secret>'",
                            required = true)
                    @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(hidden = true) HttpServletRequest http) {
        Device device = authenticate(authorization, http.getRemoteAddr());
        Duration wait = rateLimiter.acquire(device.id());
        if (!wait.isZero()) {
            throw DeviceRateLimiter.tooManyRequests(wait);
        }
        devices.seen(device);
    }

    private Device authenticate(String authorization, String address) {
        Duration blocked = rateLimiter.blocked(address);
        if (!blocked.isZero()) {
            throw tooManyUnknownKeys(blocked);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("Send the scanner's key as 'Authorization: Bearer <apiKey>'");
        }
        Optional<Device> found = devices.authenticate(authorization.substring(7).strip());
        if (found.isEmpty()) {
            Duration wait = rateLimiter.unknownKey(address);
            if (!wait.isZero()) {
                throw tooManyUnknownKeys(wait);
            }
            throw ApiException.unauthorized(
                    "This API key is not valid (unknown, rotated or revoked); ask an admin for the current key");
        }
        return found.get();
    }

    private static ApiException tooManyUnknownKeys(Duration wait) {
        return ApiException.tooManyRequests(
                "Too many requests with unknown scanner keys from this address; check the key and try again in "
                        + wait.toSeconds() + " s",
                wait);
    }

    /** The identity of a scan's content, to tell a retry from a different scan under a reused key. */
    private byte[] hash(ScanRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
