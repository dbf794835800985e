package app.roomwatch.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies larger than 16 KB are refused before anything reads them: 413 when the size is declared, 400 when
 * a chunked body turns out too large while being read. No request of this API needs more, except a CSV import of
 * children, which may have up to 1 MiB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 16 * 1024;

    /** The CSV import of children: a school's whole list in one file. */
    static final int MAX_IMPORT_BYTES = 1024 * 1024;

    static final String IMPORT_PATH = "/api/admin/students/import";

    /**
     * A refused body up to this size is read and dropped before the answer, so the connection stays usable and the
     * client, still sending, gets its 413 rather than a reset; a larger one is answered with the connection closed.
     * Four times the largest body accepted: a school's file just over the import's limit is the likely refusal, and
     * closing on it raced the client's upload, which then often saw a reset instead of the 413 that explains it.
     */
    static final long MAX_DRAINED = 4 * MAX_IMPORT_BYTES;

    private final ProblemWriter problems;

    BodySizeLimit(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean csvImport = IMPORT_PATH.equals(request.getRequestURI());
        long limit = csvImport ? MAX_IMPORT_BYTES : MAX_BYTES;
        if (declared > limit) {
            if (declared <= MAX_DRAINED) {
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
            } else {
                response.setHeader(HttpHeaders.CONNECTION, "close");
            }
            problems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    csvImport ? "The file is larger than 1 MiB" : "The request body is larger than 16 KB");
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Counts what is read and fails past the limit, for bodies that do not declare their length. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new IOException("request body larger than " + limit + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
