package org.regdesk.updates;

import java.util.Objects;

/** Why a driver change did not happen. The installed drivers are untouched and keep serving cards. */
public class UpdateException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Problem {
        NO_REPOSITORY("Sürücü güncelleme deposu ayarlanmamış (etc/org.regdesk.updates.cfg içinde repository).",
                "No driver update repository is configured (repository in etc/org.regdesk.updates.cfg)."),
        REPOSITORY_UNREACHABLE("Güncelleme deposuna ulaşılamadı; ağ bağlantısını ve adresi denetleyip yeniden deneyin.",
                "The update repository cannot be reached; check the network and the address, then try again."),
        NOT_FOUND("Bu sürücü sürümü depoda yok.", "The repository does not have this driver version."),
        UNSIGNED("Sürücü imzasız; kurulmadı. Kurulu sürücü çalışmaya devam ediyor.",
                "The driver is not signed and was not installed. The installed driver keeps working."),
        UNTRUSTED("Sürücü güvenilmeyen bir anahtarla imzalanmış; kurulmadı. Kurulu sürücü çalışmaya devam ediyor.",
                "The driver is signed by a key this desk does not trust and was not installed. The installed driver keeps working."),
        TAMPERED("Sürücü dosyası imzadan sonra değiştirilmiş; kurulmadı. Kurulu sürücü çalışmaya devam ediyor.",
                "The driver file was changed after it was signed and was not installed. The installed driver keeps working."),
        CARDS_BUSY("Bir kartta süren işlem var; sürücü değiştirilmedi. İşlem bitince yeniden deneyin.",
                "A card operation is in progress, so the driver was not changed. Try again when it has finished."),
        NOTHING_TO_ROLL_BACK("Bu sürücünün geri dönülecek önceki bir sürümü yok.",
                "This driver has no earlier version to go back to."),
        CONFLICT("Bu sürüm masadaki diğer bileşenlerle uyumlu değil; kurulmadı.",
                "This version does not fit the other components of the desk and was not installed."),
        FAILED("Sürücü değiştirilemedi; ayrıntılar günlükte. Kurulu sürücü çalışmaya devam ediyor.",
                "The driver could not be changed; details are in the log. The installed driver keeps working.");

        private final String turkish;
        private final String english;

        Problem(String turkish, String english) {
            this.turkish = turkish;
            this.english = english;
        }

        public String turkish() {
            return turkish;
        }

        public String english() {
            return english;
        }
    }

    private final Problem problem;

    /** @param detail for the log and administrators (file, certificate, p2 status); never shown alone */
    public UpdateException(Problem problem, String detail, Throwable cause) {
        super(problem.english() + (detail == null || detail.isBlank() ? "" : " [" + detail + "]"), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public UpdateException(Problem problem, String detail) {
        this(problem, detail, null);
    }

    public Problem problem() {
        return problem;
    }
}
