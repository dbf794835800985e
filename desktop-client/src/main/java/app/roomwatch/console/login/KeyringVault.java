package app.roomwatch.console.login;

import com.github.javakeyring.Keyring;
import java.util.Optional;

/**
 * Keeps refresh tokens in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service on Linux).
 * A desktop without one gets {@link TokenVault#none()}: the token is then simply not kept, and nothing complains.
 */
public final class KeyringVault implements TokenVault {

    private static final System.Logger LOG = System.getLogger(KeyringVault.class.getName());
    private static final String SERVICE = "Roomwatch console";

    private final Keyring keyring;

    private KeyringVault(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The OS keyring if this desktop has a working one, else a vault that keeps nothing. */
    public static TokenVault forThisDesktop() {
        try {
            Keyring keyring = Keyring.create();
            // A backend can be found yet not work (no Secret Service on the session bus): write and remove a probe.
            keyring.setPassword(SERVICE, "probe", "probe");
            keyring.deletePassword(SERVICE, "probe");
            return new KeyringVault(keyring);
        } catch (Exception | LinkageError e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "No OS keyring here; sign-ins are not remembered ({0})",
                    e.getClass().getSimpleName());
            return TokenVault.none();
        }
    }

    @Override
    public Optional<String> load(String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account)).filter(t -> !t.isBlank());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void save(String account, String refreshToken) {
        try {
            keyring.setPassword(SERVICE, account, refreshToken);
        } catch (Exception e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "The OS keyring did not keep the sign-in ({0})",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void delete(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
        } catch (Exception e) {
            // Nothing kept, nothing to delete.
        }
    }
}
