package org.regdesk.eonay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

import org.regdesk.backend.api.eonay.EOnayConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.ConsentText;
import org.regdesk.backend.api.v1.EOnayRecorded;
import org.regdesk.backend.api.v1.EOnaySubmission;
import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardSession;

/**
 * One E-Onay signature at the desk: the citizen's PIN on the card, the CAdES signature over the text the
 * registry served, and the registry's verification and record. A wrong PIN stops before anything is
 * signed (the card says how many tries are left); a refusal by the registry records nothing.
 */
public final class EOnayFlow {

    public enum Step {
        PIN, CARD_SIGNATURE, REGISTRY_CHECK
    }

    /** The record, and where the time went (microseconds). */
    public record Result(EOnayRecorded recorded, Instant signingTime, long cardSignatureMicros, long registryMicros) {
    }

    private final EOnayConnector registry;

    public EOnayFlow(EOnayConnector registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @param readAt when the text was shown to the citizen
     * @param pin the citizen's PIN, wiped by the caller
     */
    public Result signAndSubmit(String sessionId, ConsentText text, Instant readAt, CardSession card, CardCertificate certificate,
            char[] pin, Consumer<Step> progress) throws CardException, RegistryException {
        progress.accept(Step.PIN);
        card.verifyPin(pin);
        progress.accept(Step.CARD_SIGNATURE);
        Instant signingTime = Instant.now();
        ConsentSigner.Signature signature = ConsentSigner.sign(card, certificate, text.text().getBytes(StandardCharsets.UTF_8),
                signingTime);
        progress.accept(Step.REGISTRY_CHECK);
        long start = System.nanoTime();
        EOnayRecorded recorded = registry.submitEOnay(sessionId, new EOnaySubmission(text.kind(), text.version(),
                Base64.getEncoder().encodeToString(signature.cms()), readAt));
        return new Result(recorded, signingTime, signature.cardMicros(), (System.nanoTime() - start) / 1000);
    }
}
