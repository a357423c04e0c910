package org.regdesk.server.eonay;

/**
 * Why a consent signature is not recorded, each with its own code (desks translate it) and an
 * English fallback text. The E-Onay operation refuses with it as UNPROCESSABLE (HTTP 422).
 */
public final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Code {
        EONAY_MALFORMED("The signature cannot be read: CMS SignedData expected."),
        EONAY_NOT_ONE_SIGNER("The signature must have exactly one signer."),
        EONAY_TEXT_MISMATCH("The signed content is not the current consent text."),
        EONAY_ATTRIBUTES_MISSING("The signature lacks the signed attributes CAdES B-B requires "
                        + "(content-type, message-digest, signing-time, signing-certificate-v2)."),
        EONAY_DIGEST_ALGORITHM("The signature must use SHA-256."),
        EONAY_SIGNING_CERTIFICATE_MISMATCH("The certificate in the signature does not match its signed signing-certificate-v2 attribute."),
        EONAY_SIGNATURE_INVALID("The signature does not verify."),
        EONAY_KEY_USAGE("The certificate is not for non-repudiation; choose the qualified signature certificate."),
        EONAY_CERTIFICATE_NOT_VALID("The certificate was not valid at the signing time (expired or not yet valid)."),
        EONAY_NOT_QUALIFIED("The certificate is not a qualified electronic signature certificate (no QcCompliance statement "
                + "or not issued under the qualified certificate policy)."),
        EONAY_CERTIFICATE_REVOKED("The certificate has been revoked; it can never sign again. The citizen needs a new certificate."),
        EONAY_CERTIFICATE_ON_HOLD("The certificate is suspended (on hold). Resume it at the desk (Certificate operations) first."),
        EONAY_REVOCATION_UNKNOWN("The CA does not know this certificate (OCSP answered unknown)."),
        EONAY_REVOCATION_UNAVAILABLE("The certificate's revocation status cannot be checked now: the CA's OCSP responder does not "
                + "answer and no current CRL is available. Nothing was recorded; please try again later."),
        EONAY_UNTRUSTED("The certificate does not chain to a trusted CA."),
        EONAY_WRONG_CITIZEN("The certificate belongs to someone else (different TCKN)."),
        EONAY_SIGNING_TIME("The signing time is outside this session."),
        EONAY_REPLAY("This signature was already recorded.");

        private final String en;

        Code(String en) {
            this.en = en;
        }

        /** English fallback text. */
        public String fallback() {
            return en;
        }
    }

    private final Code code;
    private final String detail;

    public Rejection(Code code) {
        this(code, (Throwable) null);
    }

    public Rejection(Code code, Throwable cause) {
        super(code.name() + ": " + code.en, cause);
        this.code = code;
        this.detail = "";
    }

    /** @param detail what the operators' log and the audit should know (e.g. which revocation source failed how) */
    public Rejection(Code code, String detail) {
        super(code.name() + ": " + code.en + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.code = code;
        this.detail = detail;
    }

    /** Technical detail for the audit trail; empty when the code says it all. */
    public String detail() {
        return detail;
    }

    public Code code() {
        return code;
    }

    /** English fallback text; desks say it in their own words by the code. */
    public String fallback() {
        return code.en;
    }
}
