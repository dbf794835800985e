package app.roomwatch.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Jetty answers on its own, before a request reaches the application (a request line or headers it can not
 * parse, headers too large, an ambiguous path), as a problem document instead of an HTML page, for every method.
 * Such a request may have been read only in part, so these answers say {@code Connection: close}.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorPages {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    JettyServerCustomizer problemErrorPages() {
        return server -> server.setErrorHandler(new ProblemErrorHandler());
    }

    static final class ProblemErrorHandler extends ErrorHandler {

        /** Every method gets its problem document, not only GET, POST and HEAD as Jetty's default has it. */
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
            // Jetty may not have read the whole request (a request line or header it could not parse): the client
            // is told to start afresh rather than find its next request answered by a closed connection.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.write(true, ByteBuffer.wrap(json(code, message)), callback);
        }

        private static byte[] json(int status, String reason) {
            String title = HttpStatus.getMessage(status);
            String detail = ContainerRefusals.detail(status, reason);
            return ("{\"type\":\"about:blank\",\"title\":" + quoted(title) + ",\"status\":" + status + ",\"detail\":"
                            + quoted(detail) + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** A JSON string; the texts are the container's own phrases and this class's, so escaping quotes suffices. */
        private static String quoted(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(' ');
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
