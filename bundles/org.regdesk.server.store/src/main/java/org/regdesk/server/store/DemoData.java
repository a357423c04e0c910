package org.regdesk.server.store;

import java.time.Instant;
import java.time.LocalDate;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.backend.api.Tckn;

/**
 * The demo registry that `./desk run` shows: two desks, an operator, a supervisor and an auditor, and
 * citizens whose cards match the demo virtual card (serial RD0000000001, AYŞE YILMAZ). Loaded only
 * into an empty database, and only when the configuration asks for it. Passwords are in README.md.
 */
public final class DemoData {

    public static final Tckn AYSE = new Tckn("10000000146");
    public static final Tckn MEHMET = new Tckn("23456789060");
    public static final Tckn ZEYNEP = new Tckn("34567890170");
    public static final String DEMO_CARD = "RD0000000001";
    /** The demo operators' password and the citizens' dev-portal password. */
    public static final String OPERATOR_PASSWORD = "regdesk-demo";
    public static final String PORTAL_PASSWORD = "portal-demo";

    private DemoData() {
    }

    /** Loads the demo set if the database has no citizens yet; returns whether it did. */
    public static boolean load(Database database) {
        Citizens citizens = new Citizens(database);
        if (citizens.count() > 0) {
            return false;
        }
        Operators operators = new Operators(database);
        operators.insertDesk(new Desk("DESK-001", "Kızılay Masa 1", "Ankara, Kızılay Kayıt Merkezi", true));
        operators.insertDesk(new Desk("DESK-002", "Kızılay Masa 2", "Ankara, Kızılay Kayıt Merkezi", true));
        String operatorHash = PasswordHashes.hash(OPERATOR_PASSWORD.toCharArray());
        operators.insert(new Operator("operator1", "Elif Demir", Operator.Role.OPERATOR, operatorHash, true));
        operators.insert(new Operator("supervisor1", "Can Öztürk", Operator.Role.SUPERVISOR, operatorHash, true));
        operators.insert(new Operator("auditor1", "Deniz Aydın", Operator.Role.AUDITOR, operatorHash, true));

        String portalHash = PasswordHashes.hash(PORTAL_PASSWORD.toCharArray());
        citizens.insert(new Citizen(AYSE, "AYŞE", "YILMAZ", LocalDate.of(1985, 4, 12), new PhoneNumber("+905321234567"),
                "A12B34567"), portalHash);
        citizens.insert(new Citizen(MEHMET, "MEHMET", "KAYA", LocalDate.of(1979, 11, 3), new PhoneNumber("+905339876543"),
                "B98C76543"), portalHash);
        citizens.insert(new Citizen(ZEYNEP, "ZEYNEP", "ARSLAN", LocalDate.of(1992, 7, 25), new PhoneNumber("+905441112233"),
                "C11D22334"), portalHash);

        Cards cards = new Cards(database);
        Instant issued = Instant.parse("2026-01-15T09:00:00Z");
        cards.insert(DEMO_CARD, AYSE, CardRecord.REFERENCE, "reference-aes-cmac", null);
        cards.insertCertificate("1001", DEMO_CARD, "SERIALNUMBER=" + AYSE.value() + ",CN=AYŞE YILMAZ", issued,
                issued.plusSeconds(3L * 365 * 86400));
        cards.insert("RD0000000002", MEHMET, CardRecord.REFERENCE, "reference-aes-cmac", null);
        cards.insertCertificate("1002", "RD0000000002", "SERIALNUMBER=" + MEHMET.value() + ",CN=MEHMET KAYA", issued,
                issued.plusSeconds(2L * 365 * 86400));
        return true;
    }
}
