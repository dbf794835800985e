package app.roomwatch.server.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded database's two passwords, generated on first start and kept in the data folder, readable by the
 * server's user alone: the superuser's (used only to set up roles and take backups) and the application role's.
 */
record DatabaseCredentials(String superuserPassword, String applicationPassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static boolean existIn(DataFolder folder) {
        return Files.exists(folder.credentials());
    }

    static DatabaseCredentials readFrom(DataFolder folder) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(folder.credentials())));
        String superuser = properties.getProperty("superuser.password");
        String application = properties.getProperty("application.password");
        if (superuser == null || application == null) {
            throw new IllegalStateException(folder.credentials() + " lacks a password; restore it from a backup");
        }
        return new DatabaseCredentials(superuser, application);
    }

    static DatabaseCredentials readOrCreate(DataFolder folder) throws IOException {
        if (existIn(folder)) {
            return readFrom(folder);
        }
        DatabaseCredentials created = new DatabaseCredentials(randomPassword(), randomPassword());
        Properties properties = new Properties();
        properties.setProperty("superuser.password", created.superuserPassword);
        properties.setProperty("application.password", created.applicationPassword);
        StringWriter text = new StringWriter();
        properties.store(text, "Passwords of the embedded PostgreSQL: keep this file private and in every backup");
        DataFolder.writePrivateFile(folder.credentials(), text.toString());
        return created;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[hidden]";
    }
}
