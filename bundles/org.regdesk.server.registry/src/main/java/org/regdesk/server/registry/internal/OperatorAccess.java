package org.regdesk.server.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.backend.api.v1.SignInRequest;
import org.regdesk.server.codes.internal.AttemptWindow;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.OperatorSessions;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.JdbcAttemptWindows;
import org.regdesk.server.store.Operator;
import org.regdesk.server.store.OperatorSession;
import org.regdesk.server.store.Operators;
import org.regdesk.server.store.PasswordHashes;

/**
 * Operators and desks: sign-in with a password (limited per desk), the bearer token that stands for the
 * signed-in operator at that desk only, and sign-out. Tokens are stored as SHA-256 hashes.
 */
public final class OperatorAccess implements OperatorSessions {

    public static final Duration SIGN_IN_LIFETIME = Duration.ofHours(10);

    private final Operators operators;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random;
    /** Failed sign-ins per desk and per account (5 in 10 minutes each): a desk cannot guess, nor many desks one account. */
    private final AttemptWindow signInFailures;
    private final AttemptWindow accountFailures;
    private final String decoyHash = PasswordHashes.decoy();
    /**
     * Before the n-th failed sign-in of an account in its window: two typos cost nothing, then the account
     * waits 4 and 16 seconds after its first failure, and after five it is locked for the window.
     */
    static final java.util.List<Duration> ACCOUNT_PAUSES = java.util.List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ofSeconds(4), Duration.ofSeconds(16));
    /** The audit trail's operator for a sign-in with a user name nobody has. */
    static final String UNKNOWN_USER = "(unknown)";

    public OperatorAccess(Database database, AuditService audit, Clock clock, SecureRandom random) {
        this.operators = new Operators(database);
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        JdbcAttemptWindows limits = new JdbcAttemptWindows(database);
        this.signInFailures = limits.window("operator-sign-in-desk", Duration.ofMinutes(10), 5);
        this.accountFailures = limits.windowWithPauses("operator-sign-in-account", Duration.ofMinutes(10), ACCOUNT_PAUSES);
    }

    public OperatorSignedIn signIn(String deskId, SignInRequest request) throws Refusal {
        Instant now = clock.instant();
        requireDesk(deskId, "-");
        String username = request.username();
        String password = request.password();
        if (username == null || username.isBlank() || username.length() > 64 || password == null || password.length() > 200) {
            throw Refusal.invalid("username", "User name and password are required.");
        }
        Optional<Operator> operator = operators.find(username);
        // an unknown user name is often a password typed in the wrong field: it never goes into the audit trail
        String audited = operator.map(Operator::username).orElse(UNKNOWN_USER);
        // both attempts are taken before the slow hash: parallel guesses cannot outrun the count
        Optional<AttemptWindow.Attempt> byDesk = signInFailures.reserve(deskId, now);
        Optional<AttemptWindow.Attempt> byAccount = byDesk.isEmpty() ? Optional.empty()
                : accountFailures.reserve(username.toLowerCase(java.util.Locale.ROOT), now);
        if (byAccount.isEmpty()) {
            byDesk.ifPresent(signInFailures::release);
            Optional<Duration> pause = byDesk.isEmpty() ? Optional.empty()
                    : accountFailures.waitFor(username.toLowerCase(java.util.Locale.ROOT), now)
                            .filter(wait -> wait.compareTo(Duration.ofMinutes(1)) < 0);
            audit.append(audited, deskId, CoreAudit.OPERATOR_SIGN_IN, pause.isPresent() ? "PAUSED" : "TOO_MANY_ATTEMPTS", Map.of());
            throw pause.isPresent() ? Refusals.signInPaused(pause.get()) : Refusals.tooManyAttempts();
        }
        boolean matches = PasswordHashes.matches(password.toCharArray(), operator.map(Operator::passwordHash).orElse(decoyHash));
        if (operator.isEmpty() || !matches || !operator.get().active()) {
            audit.append(audited, deskId, CoreAudit.OPERATOR_SIGN_IN, "REFUSED", Map.of());
            throw Refusals.wrongCredentials(); // the attempts stay taken: they were failures
        }
        signInFailures.release(byDesk.get());
        accountFailures.release(byAccount.get());
        return startSession(operator.get(), deskId, now, Map.of("role", operator.get().role().name()));
    }

    /** The operator signed in at the desk, however they proved it (the audit details say how): a new bearer token. */
    OperatorSignedIn startSession(Operator operator, String deskId, Instant now, Map<String, String> details) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        String bearer = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Instant expires = now.plus(SIGN_IN_LIFETIME);
        operators.startSession(sha256(bearer), operator.username(), deskId, now, expires);
        audit.append(operator.username(), deskId, CoreAudit.OPERATOR_SIGN_IN, "OK", details);
        return new OperatorSignedIn(bearer, operator.username(), operator.displayName(), operator.role().name(), deskId, expires);
    }

    /** Refuses a desk that is not registered and active (audited). */
    void requireActiveDesk(String deskId) throws Refusal {
        requireDesk(deskId, "-");
    }

    @Override
    public Actor actor(String deskId, Optional<String> authorization) throws Refusal {
        String header = authorization.orElse("");
        Optional<OperatorSession> session = header.startsWith("Bearer ") && header.length() <= 200
                ? operators.session(sha256(header.substring(7).trim())) : Optional.empty();
        if (session.isEmpty() || !session.get().deskId().equals(deskId) || !session.get().deskActive()) {
            requireDesk(deskId, "-"); // an unknown desk is told so; a known one just needs to sign in
        }
        if (session.isEmpty() || session.get().ended() || !clock.instant().isBefore(session.get().expiresAt())
                || !session.get().deskId().equals(deskId) || !session.get().operator().active()) {
            throw Refusals.signInRequired();
        }
        return new Actor(session.get().operator().username(), session.get().operator().role(), deskId);
    }

    public void signOut(Actor actor, String authorization) {
        operators.endSession(sha256(authorization.substring(7).trim()), clock.instant());
        audit.append(actor, CoreAudit.OPERATOR_SIGN_OUT, "OK", Map.of());
    }

    private void requireDesk(String deskId, String operator) throws Refusal {
        if (operators.desk(deskId).filter(desk -> desk.active()).isEmpty()) {
            audit.append(operator, safe(deskId), CoreAudit.DESK_CHECK, "UNKNOWN_DESK", Map.of());
            throw Refusals.unknownDesk();
        }
    }

    /** A user-supplied value fit for the audit log: bounded and printable. */
    static String safe(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    /** Hex SHA-256 of a token or challenge: what is stored in its place. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
