package org.regdesk.server.eonay;

/**
 * Why a consent signature is not recorded, each with its own code and a Turkish and English message
 * for the desk. The registry turns it into an API error (422).
 */
public final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Code {
        EONAY_MALFORMED("İmza verisi okunamadı: CMS SignedData bekleniyor.", "The signature cannot be read: CMS SignedData expected."),
        EONAY_NOT_ONE_SIGNER("İmzada tam olarak bir imzacı olmalıdır.", "The signature must have exactly one signer."),
        EONAY_TEXT_MISMATCH("İmzalanan metin güncel onay metni değil.", "The signed content is not the current consent text."),
        EONAY_ATTRIBUTES_MISSING("İmzada CAdES B-B için gerekli imzalı öznitelikler eksik (content-type, message-digest, "
                + "signing-time, signing-certificate-v2).", "The signature lacks the signed attributes CAdES B-B requires "
                        + "(content-type, message-digest, signing-time, signing-certificate-v2)."),
        EONAY_DIGEST_ALGORITHM("İmza SHA-256 ile oluşturulmalıdır.", "The signature must use SHA-256."),
        EONAY_SIGNING_CERTIFICATE_MISMATCH("İmzadaki sertifika, imzalı signing-certificate-v2 özniteliğiyle eşleşmiyor.",
                "The certificate in the signature does not match its signed signing-certificate-v2 attribute."),
        EONAY_SIGNATURE_INVALID("İmza doğrulanamadı.", "The signature does not verify."),
        EONAY_KEY_USAGE("Sertifika inkâr edilemezlik (non-repudiation) için değil; nitelikli imza sertifikası seçin.",
                "The certificate is not for non-repudiation; choose the qualified signature certificate."),
        EONAY_CERTIFICATE_NOT_VALID("Sertifika imza zamanında geçerli değildi (süresi dolmuş veya henüz başlamamış).",
                "The certificate was not valid at the signing time (expired or not yet valid)."),
        EONAY_CERTIFICATE_REVOKED("Sertifika iptal edilmiş.", "The certificate has been revoked."),
        EONAY_REVOCATION_UNKNOWN("Sertifikanın iptal durumu öğrenilemedi (güncel SİL yok). Lütfen daha sonra deneyin.",
                "The certificate's revocation status is unknown (no current CRL). Please try again later."),
        EONAY_UNTRUSTED("Sertifika, güvenilen bir Kamu SM kökünden gelmiyor.", "The certificate does not chain to a trusted CA."),
        EONAY_WRONG_CITIZEN("Sertifika bu vatandaşa ait değil (T.C. Kimlik No farklı).",
                "The certificate belongs to someone else (different TCKN)."),
        EONAY_SIGNING_TIME("İmza zamanı bu işlem oturumunun süresi içinde değil.", "The signing time is outside this session."),
        EONAY_REPLAY("Bu imza daha önce kaydedildi.", "This signature was already recorded.");

        private final String tr;
        private final String en;

        Code(String tr, String en) {
            this.tr = tr;
            this.en = en;
        }
    }

    private final Code code;

    public Rejection(Code code) {
        this(code, null);
    }

    public Rejection(Code code, Throwable cause) {
        super(code.name() + ": " + code.en, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public String messageTr() {
        return code.tr;
    }

    public String messageEn() {
        return code.en;
    }
}
