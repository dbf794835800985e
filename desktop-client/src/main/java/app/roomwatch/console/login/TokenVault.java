package app.roomwatch.console.login;

import java.util.Optional;

/** Where a console may keep a refresh token between runs: the OS keyring, or nowhere. */
public interface TokenVault {

    Optional<String> load(String account);

    void save(String account, String refreshToken);

    void delete(String account);

    /** A vault that keeps nothing: every start asks for the password. */
    static TokenVault none() {
        return new TokenVault() {
            @Override
            public Optional<String> load(String account) {
                return Optional.empty();
            }

            @Override
            public void save(String account, String refreshToken) {}

            @Override
            public void delete(String account) {}
        };
    }
}
