package org.regdesk.server.codes.internal;


import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.regdesk.backend.api.Tckn;

/**
 * The citizen's one-time verification codes from the portal: 15 digits from a CSPRNG, valid 300 s,
 * single use, bound to one citizen and one desk operation, a new one voiding the old, stored only as a keyed
 * hash; wrong attempts are rate-limited per desk, and issuing per citizen.
 */
public final class VerificationCodes {

    public static final int DIGITS = 15;
    public static final Duration VALIDITY = Duration.ofSeconds(300);
    static final int FAILURES_PER_DESK = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);
    static final int ISSUES_PER_CITIZEN = 5;
    static final Duration ISSUE_WINDOW = Duration.ofHours(1);

    /** A new code, shown once to the citizen; only its hash is kept. */
    public record IssuedCode(String digits, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedCode[***, expiresAt=" + expiresAt + "]";
        }
    }

    /** The outcome of a desk presenting a code. */
    public sealed interface Redemption {
        record Accepted(Tckn citizen) implements Redemption {
        }

        /** Why a code was refused, as a stable code the workstation translates. */
        record Refused(Reason reason) implements Redemption {
        }

        enum Reason {
            MALFORMED, UNKNOWN, EXPIRED, ALREADY_USED, WRONG_PURPOSE, TOO_MANY_ATTEMPTS
        }
    }

    private final CodeStore store;
    private final SecretKeySpec hashKey;
    private final Clock clock;
    private final SecureRandom random;
    private final AttemptWindow failuresByDesk;
    private final AttemptWindow issuesByCitizen;

    public VerificationCodes(CodeStore store, AttemptWindows limits, byte[] hashKey, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        if (hashKey.length < 32) {
            throw new IllegalArgumentException("the code hash key needs at least 256 bits");
        }
        this.hashKey = new SecretKeySpec(hashKey.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.failuresByDesk = limits.window("code-failures-desk", FAILURE_WINDOW, FAILURES_PER_DESK);
        this.issuesByCitizen = limits.window("code-issues-citizen", ISSUE_WINDOW, ISSUES_PER_CITIZEN);
    }

    /** Issues a new code for the citizen and desk operation (its id, e.g. PIN_UNBLOCK); the previous one stops working. */
    public Optional<IssuedCode> issue(Tckn citizen, String operation) {
        Instant now = clock.instant();
        if (!issuesByCitizen.tryRecord(citizen.value(), now)) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(DIGITS);
        digits.append(1 + random.nextInt(9)); // no leading zero: the code is read out and typed as a number
        while (digits.length() < DIGITS) {
            digits.append(random.nextInt(10));
        }
        Instant expires = now.plus(VALIDITY);
        store.replace(new CodeStore.StoredCode(hash(digits.toString()), citizen.value(), operation, now, expires, false));
        return Optional.of(new IssuedCode(digits.toString(), expires));
    }

    /** A desk presents a code the citizen read out. Every refusal counts against the desk. */
    public Redemption redeem(String digits, String operation, String deskId) {
        Instant now = clock.instant();
        // taken before the lookup, so parallel guesses from one desk cannot outrun the count
        Optional<AttemptWindow.Attempt> attempt = failuresByDesk.reserve(deskId, now);
        if (attempt.isEmpty()) {
            return new Redemption.Refused(Redemption.Reason.TOO_MANY_ATTEMPTS);
        }
        Redemption.Reason refusal = null;
        Optional<CodeStore.StoredCode> found = Optional.empty();
        if (digits == null || !digits.matches("[0-9]{" + DIGITS + "}")) {
            refusal = Redemption.Reason.MALFORMED;
        } else {
            found = store.findByHash(hash(digits));
            if (found.isEmpty()) {
                refusal = Redemption.Reason.UNKNOWN;
            } else if (!found.get().operation().equals(operation)) {
                refusal = Redemption.Reason.WRONG_PURPOSE;
            } else if (found.get().used()) {
                refusal = Redemption.Reason.ALREADY_USED;
            } else if (!now.isBefore(found.get().expiresAt())) {
                refusal = Redemption.Reason.EXPIRED;
            } else if (!store.markUsed(found.get().codeHash())) {
                refusal = Redemption.Reason.ALREADY_USED;
            }
        }
        if (refusal != null) {
            return new Redemption.Refused(refusal); // the attempt stays taken: it failed
        }
        failuresByDesk.releaseOnCommit(attempt.get()); // with the code marked used
        return new Redemption.Accepted(new Tckn(found.get().citizen()));
    }

    private String hash(String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
