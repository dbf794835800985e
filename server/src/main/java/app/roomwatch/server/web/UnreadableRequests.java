package app.roomwatch.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything parses them, requests this API can not read: methods it never answers (TRACE, CONNECT,
 * made-up ones), a query string that is not percent-encoded UTF-8, a body that is not JSON (a multipart form, say;
 * only the CSV import of children takes {@code text/csv}),
 * and {@code /error} asked for directly (only the container's error dispatches, which this filter does not see, go
 * there).
 * Left to the container and the framework, these end as server errors or as answers that are not problem documents.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableRequests extends OncePerRequestFilter {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final ProblemWriter problems;

    UnreadableRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            problems.write(
                    response,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "This API does not answer " + request.getMethod() + "; docs/api.md lists the API");
            return;
        }
        if ("/error".equals(request.getRequestURI())) {
            problems.write(response, HttpStatus.NOT_FOUND, "There is nothing at /error; docs/api.md lists the API");
            return;
        }
        if (!isUtf8(request.getQueryString())) {
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "The query string is not valid: percent-encode its parameters as UTF-8 (no %FF, no lone '%')");
            return;
        }
        if (hasBody(request) && !isJson(request.getContentType()) && !isCsvImport(request)) {
            problems.write(
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as JSON with 'Content-Type: application/json', not "
                            + printable(request.getContentType()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** The one body that is not JSON: a CSV file of children. */
    private static boolean isCsvImport(HttpServletRequest request) {
        if (!BodySizeLimit.IMPORT_PATH.equals(request.getRequestURI())) {
            return false;
        }
        try {
            return MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.valueOf("text/csv"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** No Content-Type is taken as JSON: the body is then read as JSON and refused with 400 if it is not. */
    private static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || (type.getType().equals("application")
                            && type.getSubtype().endsWith("+json"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String printable(String contentType) {
        String shown = contentType.length() > 60 ? contentType.substring(0, 60) + "…" : contentType;
        return "'" + shown.replaceAll("[^\\x20-\\x7e…]", "?") + "'";
    }

    /** Whether every percent escape is complete and the bytes they spell are UTF-8. */
    static boolean isUtf8(String query) {
        if (query == null) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(query.length() * 3);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()
                        || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.put((byte) Integer.parseInt(query, i + 1, i + 3, 16));
                i += 2;
            } else if (c > 0x7f) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
