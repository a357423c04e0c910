package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardReaderProvider.ReaderState;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardTransport;
import org.regdesk.card.api.CardException.Reason;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.pkcs11.internal.Pkcs11Driver;
import org.regdesk.card.pkcs11.internal.Pkcs11ReaderProvider;
import org.regdesk.card.reference.TestCardFactory;

/**
 * The PKCS#11 driver on SoftHSM2 tokens made with softhsm2-util and pkcs11-tool (OpenSC): an RSA-2048
 * key and a certificate from the test CA on each. SoftHSM2 never locks a PIN and cannot be pulled,
 * so those cases are skipped here; the SO-PIN unblock with rotation is covered.
 */
class SoftHsmTokenTest extends CardDriverContractTest {

    private static final int TOKENS = 14;
    private static final String FIRST_SO_PIN = "10000000";
    private static Pkcs11ReaderProvider provider;
    private static int nextToken;

    private CardTransport transport;
    private String soPin;

    @BeforeAll
    static void tokens() throws Exception {
        provider = SoftHsmTokens.create(TOKENS, FIRST_SO_PIN, HOLDER);
    }

    @Override
    TestCardFactory.PersonalizedCard insertNewCard(String serialNumber) throws Exception {
        String label = String.format("RDTEST-%02d", ++nextToken);
        List<String> seen = new ArrayList<>();
        for (ReaderState state : provider.scan()) {
            if (state.cardPresent()) {
                CardTransport candidate = provider.connect(state.reader());
                CardProbe probe = candidate.probe();
                seen.add(probe.tokenInfo().get("label"));
                if (label.equals(probe.tokenInfo().get("label"))) {
                    transport = candidate;
                    soPin = FIRST_SO_PIN;
                    return new TestCardFactory.PersonalizedCard(probe.tokenInfo().get("serialNumber"), new byte[0], null);
                }
            }
        }
        throw new AssertionError("token " + label + " not found among " + seen);
    }

    @Override
    CardSession open() throws Exception {
        Pkcs11Driver driver = new Pkcs11Driver();
        assertTrue(driver.match(transport.probe()) > 0);
        return driver.open(transport.probe(), transport);
    }

    @Override
    UnblockAuthorization authorization(CardSession on) {
        String next = String.valueOf(Long.parseLong(soPin) + 1);
        return new UnblockAuthorization.SecurityOfficerPins(soPin.toCharArray(), next.toCharArray());
    }

    @Override
    UnblockAuthorization wrongAuthorization(CardSession on) {
        return new UnblockAuthorization.SecurityOfficerPins("99999999".toCharArray(), "88888888".toCharArray());
    }

    @Override
    void unblocked(UnblockAuthorization used) {
        soPin = new String(((UnblockAuthorization.SecurityOfficerPins) used).nextSoPin());
    }

    /**
     * A token pulled after its SO PIN was rotated, before anyone heard: the backend hands out the same
     * pair again, marked, and the driver finds the token by its next SO PIN. Unmarked, the pair stays a
     * refused replay.
     */
    @Test
    void aTokenThatAlreadyHasTheNextSoPinTakesTheSamePairWhenTheBackendMarksIt() throws Exception {
        char[] current = soPin.toCharArray();
        char[] next = String.valueOf(Long.parseLong(soPin) + 1).toCharArray();
        session.unblock(new UnblockAuthorization.SecurityOfficerPins(current.clone(), next.clone()), "135790".toCharArray());

        failure(Reason.AUTHORIZATION_REJECTED, () -> session.unblock(
                new UnblockAuthorization.SecurityOfficerPins(current.clone(), next.clone()), "246801".toCharArray()));
        session.unblock(new UnblockAuthorization.SecurityOfficerPins(current.clone(), next.clone(), true),
                "246801".toCharArray());
        session.verifyPin("246801".toCharArray());
        unblocked(new UnblockAuthorization.SecurityOfficerPins(current, next));
        setPin("975310"); // the token is on the next SO PIN: the following rotation starts from it
        session.verifyPin("975310".toCharArray());
    }

    @Override
    boolean newCardsHaveNoPin() {
        return false;
    }

    @Override
    boolean locksAfterThreeWrongPins() {
        return false;
    }

    @Override
    boolean canBePulled() {
        return false;
    }

    @Override
    void pullAfter(int apdus) {
        throw new UnsupportedOperationException("SoftHSM2 tokens cannot be pulled");
    }

    @Override
    void reinsert() {
        throw new UnsupportedOperationException("SoftHSM2 tokens cannot be pulled");
    }

}
