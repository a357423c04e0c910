package org.regdesk.server.portal.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.regdesk.backend.api.Tckn;
import org.regdesk.server.portal.PortalSection;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.internal.Jdbc;

/**
 * Signed-in citizens, by an opaque cookie token, idle for at most 15 minutes; in the database, so any node
 * behind the load balancer serves the next page. Only the token's hash is stored. The last code issued
 * per purpose is kept only to show it again on reload until it expires (the registry stores only its
 * hash), sealed under a key only the token gives.
 */
final class PortalSessions {

    static final Duration IDLE = Duration.ofMinutes(15);

    record ShownCode(String digits, Instant issuedAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "ShownCode[***]";
        }
    }

    /** A signed-in citizen's session, as found for one request. */
    final class Session {
        final Tckn citizen;
        final String csrf;
        private final String token;
        private final String tokenHash;

        private Session(String token, Tckn citizen, String csrf) {
            this.token = token;
            this.tokenHash = hash(token);
            this.citizen = citizen;
            this.csrf = csrf;
        }

        /** The code shown for a desk operation (session purpose), if one was issued in this session. */
        Optional<ShownCode> shownCode(String purpose) {
            return database.transaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT sealed, issued_at, expires_at "
                        + "FROM portal_shown_codes WHERE token_hash = ? AND purpose = ?")) {
                    select.setString(1, tokenHash);
                    select.setString(2, purpose);
                    try (ResultSet rows = select.executeQuery()) {
                        return rows.next() ? Optional.of(new ShownCode(unseal(token, "shown-code", rows.getString("sealed")),
                                Jdbc.instant(rows, "issued_at"), Jdbc.instant(rows, "expires_at"))) : Optional.<ShownCode>empty();
                    }
                }
            });
        }

        /** Shows this code for the purpose from now on, in place of the one before. */
        void show(String purpose, ShownCode code) {
            database.transaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM portal_shown_codes WHERE token_hash = ? AND purpose = ?");
                        PreparedStatement insert = connection.prepareStatement("INSERT INTO portal_shown_codes (token_hash, "
                                + "purpose, sealed, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                    delete.setString(1, tokenHash);
                    delete.setString(2, purpose);
                    delete.executeUpdate();
                    insert.setString(1, tokenHash);
                    insert.setString(2, purpose);
                    insert.setString(3, seal(token, "shown-code", code.digits()));
                    Jdbc.setInstant(insert, 4, code.issuedAt());
                    Jdbc.setInstant(insert, 5, code.expiresAt());
                    return insert.executeUpdate();
                }
            });
        }

        /** What a section's form did, shown once on the section's page after the redirect. */
        void notice(String section, PortalSection.Outcome outcome) {
            database.transaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM portal_notices WHERE token_hash = ? AND section = ?");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO portal_notices (token_hash, section, done, text) VALUES (?, ?, ?, ?)")) {
                    delete.setString(1, tokenHash);
                    delete.setString(2, section);
                    delete.executeUpdate();
                    insert.setString(1, tokenHash);
                    insert.setString(2, section);
                    insert.setBoolean(3, outcome.done());
                    insert.setString(4, outcome.text().length() > 2000 ? outcome.text().substring(0, 2000) : outcome.text());
                    return insert.executeUpdate();
                }
            });
        }

        /** The notice left for the section, once: null when there is none (or another page took it). */
        PortalSection.Outcome takeNotice(String section) {
            return database.transaction(connection -> {
                PortalSection.Outcome notice = null;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT done, text FROM portal_notices WHERE token_hash = ? AND section = ? FOR UPDATE")) {
                    select.setString(1, tokenHash);
                    select.setString(2, section);
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            notice = new PortalSection.Outcome(rows.getBoolean("done"), rows.getString("text"));
                        }
                    }
                }
                if (notice != null) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM portal_notices WHERE token_hash = ? AND section = ?")) {
                        delete.setString(1, tokenHash);
                        delete.setString(2, section);
                        delete.executeUpdate();
                    }
                }
                return notice;
            });
        }
    }

    private final Database database;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    PortalSessions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        database.migrate("portal", PortalSessions.class, "/db/portal/", List.of("V1__portal_sessions.sql", "V2__portal_sign_ins.sql"));
    }

    /** Signs the citizen in: the new session's cookie token. */
    String start(Tckn citizen) {
        Instant now = clock.instant();
        String token = token();
        database.transaction(connection -> {
            Jdbc.nowAndThenDelete(connection, "portal_sessions", "last_seen", now.minus(IDLE), 100);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO portal_sessions (token_hash, citizen, csrf, last_seen) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, hash(token));
                insert.setString(2, citizen.value());
                insert.setString(3, token());
                Jdbc.setInstant(insert, 4, now);
                return insert.executeUpdate();
            }
        });
        return token;
    }

    /** The session of this cookie, if it is signed in and not idle too long; each find keeps it alive. */
    Optional<Session> find(Optional<String> token) {
        if (token.isEmpty() || token.get().length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String tokenHash = hash(token.get());
        return database.transaction(connection -> {
            try (PreparedStatement touch = connection.prepareStatement(
                    "UPDATE portal_sessions SET last_seen = ? WHERE token_hash = ? AND last_seen >= ?")) {
                Jdbc.setInstant(touch, 1, now);
                touch.setString(2, tokenHash);
                Jdbc.setInstant(touch, 3, now.minus(IDLE));
                if (touch.executeUpdate() == 0) {
                    return Optional.<Session>empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT citizen, csrf FROM portal_sessions WHERE token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Session(token.get(), new Tckn(rows.getString("citizen")),
                            rows.getString("csrf"))) : Optional.<Session>empty();
                }
            }
        });
    }

    void end(Optional<String> token) {
        token.ifPresent(value -> database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM portal_sessions WHERE token_hash = ?")) {
                delete.setString(1, hash(value));
                return delete.executeUpdate();
            }
        }));
    }

    /** How long a citizen may take at an external identity provider. */
    static final Duration SIGN_IN_TIME = Duration.ofMinutes(10);

    /**
     * Keeps a sign-in begun at an external provider until the browser comes back with its state: the returned token goes
     * into a cookie of that browser only; what the provider needs to finish is sealed under it.
     */
    String beginSignIn(String state, String pending) {
        Instant now = clock.instant();
        String browser = token();
        database.transaction(connection -> {
            Jdbc.nowAndThenDelete(connection, "portal_sign_ins", "expires_at", now, 100);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO portal_sign_ins (state_hash, browser_hash, pending, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, hash(state));
                insert.setString(2, hash(browser));
                insert.setString(3, seal(browser, "sign-in", pending));
                Jdbc.setInstant(insert, 4, now.plus(SIGN_IN_TIME));
                return insert.executeUpdate();
            }
        });
        return browser;
    }

    /**
     * The sign-in of this state, once: what the provider needs to finish it, if it was begun by this browser (its cookie)
     * less than {@link #SIGN_IN_TIME} ago. Whatever the answer, the state cannot be used again.
     */
    Optional<String> takeSignIn(String state, Optional<String> browser) {
        if (state.length() > 200 || browser.isEmpty() || browser.get().length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return database.transaction(connection -> {
            String browserHash;
            String pending;
            Instant expires;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT browser_hash, pending, expires_at FROM portal_sign_ins WHERE state_hash = ? FOR UPDATE")) {
                select.setString(1, hash(state));
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<String>empty();
                    }
                    browserHash = rows.getString("browser_hash");
                    pending = rows.getString("pending");
                    expires = Jdbc.instant(rows, "expires_at");
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM portal_sign_ins WHERE state_hash = ?")) {
                delete.setString(1, hash(state));
                if (delete.executeUpdate() != 1) {
                    return Optional.<String>empty(); // another request took it first
                }
            }
            boolean ours = MessageDigest.isEqual(browserHash.getBytes(StandardCharsets.US_ASCII),
                    hash(browser.get()).getBytes(StandardCharsets.US_ASCII));
            return ours && now.isBefore(expires) ? Optional.of(unseal(browser.get(), "sign-in", pending)) : Optional.<String>empty();
        });
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** AES-256-GCM under HMAC-SHA-256(token, purpose): a random nonce, then the ciphertext, in base64. */
    private String seal(String token, String purpose, String text) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey(token, purpose), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static String unseal(String token, String purpose, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey(token, purpose), new GCMParameterSpec(128, bytes, 0, 12));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed " + purpose + " that its own token cannot open", e);
        }
    }

    private static SecretKeySpec sealKey(String token, String purpose) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII)), "AES");
    }
}
