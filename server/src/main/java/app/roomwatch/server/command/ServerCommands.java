package app.roomwatch.server.command;

import app.roomwatch.server.RoomwatchProperties;
import app.roomwatch.server.database.EmbeddedDatabase;
import app.roomwatch.server.database.OnlineBackup;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The server jar's admin commands, for a school's IT admin at the server's shell. They read the same settings as the
 * server (command line, environment, {@code application.properties}) and work whether the server runs or not:
 *
 * <pre>
 * java -jar roomwatch-server.jar admin create-tenant --tenant=oak --name="Oak School" --admin=office
 * java -jar roomwatch-server.jar admin reset-password --tenant=oak --username=office
 * java -jar roomwatch-server.jar backup [--to=DIR]
 * java -jar roomwatch-server.jar restore --from=FILE          (server stopped)
 * </pre>
 *
 * Passwords come from standard input (asked for twice, without echo, on a terminal). Every command ends with one
 * sentence; a problem exits with status 1 (2 for a mistyped command) and changes nothing.
 */
public final class ServerCommands {

    private static final List<String> COMMANDS = List.of("admin", "backup", "restore");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    ServerCommands(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Whether these arguments name a command rather than starting the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process's exit status. */
    public static int run(String[] args) {
        return new ServerCommands(System.in, System.out, System.err).execute(args);
    }

    int execute(String[] args) {
        Map<String, String> options = options(args);
        List<String> words =
                Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList();
        try {
            return switch (String.join(" ", words)) {
                case "admin create-tenant" -> createTenant(args, options);
                case "admin reset-password" -> resetPassword(args, options);
                case "backup" -> backup(args, options);
                case "restore" -> restore(args, options);
                default -> usage("Unknown command '" + String.join(" ", words) + "'.");
            };
        } catch (Usage e) {
            return usage(e.getMessage());
        } catch (Exception e) {
            err.println(sentence(e));
            return 1;
        }
    }

    private int createTenant(String[] args, Map<String, String> options) throws IOException {
        String tenant = required(options, "tenant");
        String name = required(options, "name");
        String admin = required(options, "admin");
        String displayName = options.getOrDefault("display-name", admin);
        String password = password("Password for " + admin);
        try (ConfigurableApplicationContext context = adminContext(args)) {
            context.getBean(SchoolSetup.class).createSchool(tenant, name, admin, displayName, password);
        }
        out.println("Created the school '" + tenant + "' (" + name.strip() + ") with its admin '" + admin
                + "'. Staff sign in with the school '" + tenant + "'.");
        return 0;
    }

    private int resetPassword(String[] args, Map<String, String> options) throws IOException {
        String tenant = required(options, "tenant");
        String username = required(options, "username");
        String password = password("New password for " + username);
        try (ConfigurableApplicationContext context = adminContext(args)) {
            context.getBean(SchoolSetup.class).resetPassword(tenant, username, password);
        }
        out.println("The password of '" + username + "' in the school '" + tenant
                + "' is reset; every session of that account has ended.");
        return 0;
    }

    private int backup(String[] args, Map<String, String> options) throws Exception {
        Path dataDir = embeddedDataDir(args, "back up");
        Path to = Optional.ofNullable(options.get("to"))
                .map(Path::of)
                .orElse(dataDir.resolve("backups"))
                .toAbsolutePath();
        Path file;
        try (EmbeddedDatabase database = EmbeddedDatabase.startOrAttach(dataDir)) {
            file = OnlineBackup.take(database, to, "backup", Clock.systemUTC());
        }
        out.println("Backed up the database to " + file + ". Keep it as private as the data folder: it holds the"
                + " database passwords.");
        return 0;
    }

    private int restore(String[] args, Map<String, String> options) throws Exception {
        Path from = Path.of(required(options, "from")).toAbsolutePath();
        if (!Files.isRegularFile(from)) {
            throw new IllegalArgumentException("There is no backup file " + from);
        }
        Path dataDir = embeddedDataDir(args, "restore");
        List<Path> kept = OnlineBackup.restore(from, dataDir, Clock.systemUTC());
        out.println("Restored the database from " + from + "; start the server now."
                + (kept.isEmpty() ? "" : " What was there before is kept in " + kept.getFirst() + "."));
        return 0;
    }

    /** The data folder of the embedded database; refuses when the settings name an external one. */
    private static Path embeddedDataDir(String[] args, String verb) {
        try (ConfigurableApplicationContext context = context(SettingsContext.class, args)) {
            Environment environment = context.getEnvironment();
            if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
                throw new IllegalArgumentException("The server uses an external PostgreSQL (spring.datasource.url): "
                        + verb + " it with PostgreSQL's own tools, pg_basebackup or pg_dump (docs/operations.md)");
            }
            return context.getBean(RoomwatchProperties.class).dataDir().toAbsolutePath();
        }
    }

    private static ConfigurableApplicationContext adminContext(String[] args) {
        return context(AdminCommandContext.class, args);
    }

    private static ConfigurableApplicationContext context(Class<?> configuration, String[] args) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("roomwatch.embedded-database.attach", "true");
        defaults.put("logging.level.root", "warn");
        // A failure is told in one sentence by the command, not as the server's start-up report.
        defaults.put("logging.level.org.springframework.boot.SpringApplication", "off");
        defaults.put("logging.level.org.springframework.boot.diagnostics", "off");
        return new SpringApplicationBuilder(configuration)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(defaults)
                .run(args);
    }

    private String password(String prompt) throws IOException {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("The same again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("The two passwords differ; nothing was changed");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("No password on standard input; type it at a terminal or pipe it in");
        }
        return line;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new Usage("--" + name + "=… is missing.");
        }
        return value.strip();
    }

    private int usage(String problem) {
        err.println(problem);
        err.println("""
                Usage:
                  java -jar roomwatch-server.jar admin create-tenant --tenant=SHORT_NAME --name="SCHOOL NAME" --admin=USERNAME [--display-name="NAME"]
                  java -jar roomwatch-server.jar admin reset-password --tenant=SHORT_NAME --username=USERNAME
                  java -jar roomwatch-server.jar backup [--to=FOLDER]
                  java -jar roomwatch-server.jar restore --from=BACKUP_FILE      (with the server stopped)
                Passwords are read from standard input. The server's settings apply, e.g. --roomwatch.data-dir=DIR or
                SPRING_DATASOURCE_URL; see docs/operations.md.""");
        return 2;
    }

    /** The deepest cause's message: the one that says what went wrong, in words an admin can act on. */
    private static String sentence(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                break;
            }
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.endsWith(".") ? message : message + ".";
    }

    /** A command typed wrongly. */
    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }

    /** Just the settings, for commands that find the database themselves (no {@code @Configuration}: see above). */
    @EnableConfigurationProperties(RoomwatchProperties.class)
    static class SettingsContext {}
}
