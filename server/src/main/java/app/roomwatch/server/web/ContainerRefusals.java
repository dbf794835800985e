package app.roomwatch.server.web;

import org.springframework.http.HttpStatus;

/** Words for the refusals the container makes before the application sees a request. */
final class ContainerRefusals {

    private ContainerRefusals() {}

    /** A detail a person can act on for {@code status}; {@code reason} is the container's own short phrase, if any. */
    static String detail(int status, String reason) {
        return switch (status) {
            case 400 ->
                "The request is malformed" + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                        + ": check the path, its percent-encoding (no %00, no ';', no encoded '/' or '..') and the"
                        + " headers";
            case 404 -> "There is nothing at this path; docs/api.md lists the API";
            case 405 -> "This method is not allowed here; docs/api.md lists the API";
            case 408 -> "The request took too long to arrive; send it again";
            case 413 -> "The request body is larger than 16 KB";
            case 414 -> "The URL is too long: keep path and query under 8 KB";
            case 415 -> "Send the request body as 'Content-Type: application/json'";
            case 431 -> "The request headers are too large: keep them under 8 KB";
            case 500, 503 -> "The server could not complete this request and changed nothing; try again shortly";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "The request was refused" : known.getReasonPhrase();
            }
        };
    }
}
