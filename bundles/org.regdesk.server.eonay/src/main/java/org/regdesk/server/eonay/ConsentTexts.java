package org.regdesk.server.eonay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The texts a citizen signs, versioned: the consent (E-Onay) and its withdrawal. A signature counts only
 * over the exact UTF-8 bytes of the current version; a new wording is a new version, and the old ones
 * stay here so recorded signatures can still be checked against what was shown.
 */
public final class ConsentTexts {

    public enum Kind {
        CONSENT, WITHDRAWAL
    }

    /** One version of one text, with the SHA-256 the desk shows next to it. */
    public record Text(Kind kind, int version, String text) {
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        public String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    private static final List<Text> ALL = List.of(
            new Text(Kind.CONSENT, 1, "Kamu SM sistemleri üzerinden güvenli bir şekilde elektronik onayın alınması kaydıyla "
                    + "bundan sonra yapılacak NES başvurularının, imzalı başvuru formu gönderme gereği kalmaksızın "
                    + "işleme alınmasını KABUL EDİYORUM."),
            new Text(Kind.WITHDRAWAL, 1, "Daha önce verdiğim elektronik onayı GERİ ÇEKİYORUM. Bundan sonra yapılacak NES "
                    + "başvurularımın imzalı başvuru formu ile işleme alınmasını kabul ediyorum."));

    private ConsentTexts() {
    }

    /** The version a desk shows and a signature must cover now. */
    public static Text current(Kind kind) {
        return ALL.stream().filter(text -> text.kind() == kind).reduce((older, newer) -> newer).orElseThrow();
    }

    public static Optional<Text> version(Kind kind, int version) {
        return ALL.stream().filter(text -> text.kind() == kind && text.version() == version).findFirst();
    }
}
