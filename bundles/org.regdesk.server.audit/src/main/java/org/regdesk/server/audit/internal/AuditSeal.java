package org.regdesk.server.audit.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that authenticates each audit record: HMAC-SHA256 over the record and the previous record's seal. The key
 * lives in a file on the server nodes (and with the auditors), never in the database, so whoever can write the
 * audit table (its owner, a DBA, a stolen backup) can delete or change records but cannot make a chain that verifies.
 */
public final class AuditSeal {

    /** At least 256 bits, like the HMAC's output. */
    public static final int MINIMUM_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public AuditSeal(byte[] key) {
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("the audit key must have at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The seal of a record's canonical content, lower-case hex. */
    String seal(byte[] canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the audit key was checked when it was read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
