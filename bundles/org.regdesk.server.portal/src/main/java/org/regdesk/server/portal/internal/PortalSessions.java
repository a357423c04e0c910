package org.regdesk.server.portal.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.regdesk.backend.api.Tckn;

/**
 * Signed-in citizens, by an opaque cookie token, idle for at most 15 minutes. In memory on purpose: a
 * server restart signs citizens out, nothing else. The last code issued per purpose is kept only to
 * show it again on reload until it expires (the registry stores only its hash).
 */
final class PortalSessions {

    static final Duration IDLE = Duration.ofMinutes(15);

    record ShownCode(String digits, Instant issuedAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "ShownCode[***]";
        }
    }

    static final class Session {
        final Tckn citizen;
        final String csrf;
        volatile Instant lastSeen;
        /** The code shown for each desk operation (session purpose), until a new one replaces it. */
        final Map<String, ShownCode> codes = new java.util.HashMap<>();
        /** What a section's form did, shown once on the section's page after the redirect. */
        private final Map<String, org.regdesk.server.portal.PortalSection.Outcome> notices = new java.util.concurrent.ConcurrentHashMap<>();

        Session(Tckn citizen, String csrf, Instant now) {
            this.citizen = citizen;
            this.csrf = csrf;
            this.lastSeen = now;
        }

        void notice(String section, org.regdesk.server.portal.PortalSection.Outcome outcome) {
            notices.put(section, outcome);
        }

        org.regdesk.server.portal.PortalSection.Outcome takeNotice(String section) {
            return notices.remove(section);
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    PortalSessions(Clock clock) {
        this.clock = clock;
    }

    String start(Tckn citizen) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> session.lastSeen.plus(IDLE).isBefore(now));
        String token = token();
        sessions.put(token, new Session(citizen, token(), now));
        return token;
    }

    Optional<Session> find(Optional<String> token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Session session = sessions.get(token.get());
        Instant now = clock.instant();
        if (session == null || session.lastSeen.plus(IDLE).isBefore(now)) {
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    void end(Optional<String> token) {
        token.ifPresent(sessions::remove);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
