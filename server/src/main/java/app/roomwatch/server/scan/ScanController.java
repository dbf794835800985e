package app.roomwatch.server.scan;

import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.server.device.Devices;
import app.roomwatch.server.device.Devices.Device;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.JsonBodies;
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
    private final ScanService scans;
    private final DeviceRateLimiter rateLimiter;
    private final JsonMapper json;

    ScanController(Devices devices, ScanService scans, DeviceRateLimiter rateLimiter, JsonMapper json) {
        this.devices = devices;
        this.scans = scans;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    @PostMapping("/api/iot/scans")
    ResponseEntity<String> scan(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) String body,
            HttpServletRequest http) {
        // The key is checked before the body is even read: strangers learn nothing about the API.
        Device device = authenticate(authorization, http.getRemoteAddr());
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.badRequest("The header 'Idempotency-Key' is required: send a new unique value"
                    + " (a UUID, say) with every scan, and the same value when you retry it");
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("The header 'Idempotency-Key' must be at most 200 characters");
        }
        ScanRequest request = JsonBodies.read(json, body, ScanRequest.class);
        ScanService.Answer answer = scans.record(device, idempotencyKey, request, hash(request));
        devices.seen(device);
        MediaType type = answer.status() < 300 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
        return ResponseEntity.status(answer.status()).contentType(type).body(answer.body());
    }

    @PostMapping("/api/iot/heartbeat")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void heartbeat(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest http) {
        devices.seen(authenticate(authorization, http.getRemoteAddr()));
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
        Device device = found.get();
        Duration wait = rateLimiter.acquire(device.id());
        if (!wait.isZero()) {
            throw ApiException.tooManyRequests("This scanner sends too many requests; slow down", wait);
        }
        return device;
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
