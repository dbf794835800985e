package app.roomwatch.console.refresh;

import app.roomwatch.console.api.ApiException;
import app.roomwatch.console.api.BadServerAddress;
import app.roomwatch.console.i18n.Messages;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * The words a supervisor sees for a failed server call: a sentence in the console's language, chosen from the
 * answer's status or the kind of failure, saying what happened and what to do. Never the server's or an
 * exception's own text: those are for the log.
 */
public final class ErrorText {

    /** What went wrong, as far as the person at the console needs to know. */
    public enum Problem {
        /** 401: the server no longer accepts this sign-in (or, signing in, the name or password). */
        NOT_SIGNED_IN("problem.notSignedIn"),
        /** 403. */
        NOT_ALLOWED("problem.notAllowed"),
        /** 404. */
        GONE("problem.gone"),
        /** 409. */
        CHANGED_MEANWHILE("problem.changedMeanwhile"),
        /** 400, 422: what was entered was not accepted. */
        NOT_ACCEPTED("problem.notAccepted"),
        /** 429. */
        TOO_MANY("problem.tooMany"),
        /** 5xx, or an answer that could not be read. */
        SERVER_TROUBLE("problem.serverTrouble"),
        /** No answer at all: no network, wrong host, the server is down. */
        UNREACHABLE("problem.unreachable"),
        /** The server address is not a web address. */
        BAD_ADDRESS("problem.badAddress"),
        UNKNOWN("problem.unknown");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        /** The message key of this problem's sentence. */
        public String key() {
            return key;
        }
    }

    private ErrorText() {}

    /** The sentence for {@code e} in the console's language. */
    public static String of(Throwable e, Messages messages) {
        return messages.get(problem(e).key());
    }

    public static Problem problem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Problem found = direct(cause);
            if (found != null) {
                return found;
            }
        }
        return e instanceof IOException ? Problem.UNREACHABLE : Problem.UNKNOWN;
    }

    private static Problem direct(Throwable e) {
        return switch (e) {
            case ApiException api -> byStatus(api.status());
            case ConnectException c -> Problem.UNREACHABLE;
            case UnknownHostException u -> Problem.UNREACHABLE;
            case NoRouteToHostException n -> Problem.UNREACHABLE;
            case InterruptedIOException timeout -> Problem.UNREACHABLE;
            case BadServerAddress bad -> Problem.BAD_ADDRESS;
            default -> null;
        };
    }

    private static Problem byStatus(int status) {
        return switch (status) {
            case 401 -> Problem.NOT_SIGNED_IN;
            case 403 -> Problem.NOT_ALLOWED;
            case 404, 410 -> Problem.GONE;
            case 409 -> Problem.CHANGED_MEANWHILE;
            case 400, 422 -> Problem.NOT_ACCEPTED;
            case 429 -> Problem.TOO_MANY;
            default -> status >= 500 ? Problem.SERVER_TROUBLE : Problem.UNKNOWN;
        };
    }
}
