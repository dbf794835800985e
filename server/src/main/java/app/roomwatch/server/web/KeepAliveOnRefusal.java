package app.roomwatch.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A refusal leaves its connection usable: the moment an error status is set, whatever the client is still sending is
 * read and dropped, so that its next request on the kept-alive connection is read from the start. A body too large to
 * drain gets {@code Connection: close} before the answer instead of a connection closed under the client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeepAliveOnRefusal extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                if (status >= 400) {
                    settle(request, response);
                }
                super.setStatus(status);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                settle(request, response);
                super.sendError(status, message);
            }

            @Override
            public void sendError(int status) throws IOException {
                settle(request, response);
                super.sendError(status);
            }
        });
    }

    /** Drops the rest of the request body, or asks for the connection to close when that is not possible. */
    static void settle(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared == 0 || (declared < 0 && !chunked)) {
            return;
        }
        if (declared > BodySizeLimit.MAX_DRAINED) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            return;
        }
        try {
            InputStream in = request.getInputStream();
            long left = BodySizeLimit.MAX_DRAINED;
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                left -= n;
                if (left < 0) {
                    response.setHeader(HttpHeaders.CONNECTION, "close");
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            // Unreadable now (the client stopped sending, or the body was taken as a reader): start afresh.
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
    }
}
