package app.roomwatch.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the container sends the errors it finds itself (a path it will not map, say): a problem
 * document like every other refusal, whatever the client accepts. Asked for directly, there is nothing there.
 */
@RestController
class ErrorEndpoint implements ErrorController {

    private final ProblemWriter problems;

    ErrorEndpoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            problems.write(response, HttpStatus.NOT_FOUND, "There is nothing at /error; docs/api.md lists the API");
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String reason =
                request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message ? message : null;
        problems.write(response, status, ContainerRefusals.detail(status.value(), reason));
    }
}
