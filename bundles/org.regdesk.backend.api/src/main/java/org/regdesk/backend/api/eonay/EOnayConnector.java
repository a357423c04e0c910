package org.regdesk.backend.api.eonay;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.ConsentText;
import org.regdesk.backend.api.v1.EOnayRecorded;
import org.regdesk.backend.api.v1.EOnayStatus;
import org.regdesk.backend.api.v1.EOnaySubmission;

/** The registry's part in E-Onay: the citizen's status, the text to sign, and the signed consent or withdrawal. */
@ProviderType
public interface EOnayConnector {

    /** The citizen's E-Onay status, for a session opened for E_ONAY. */
    EOnayStatus eOnayStatus(String sessionId) throws RegistryException;

    /** The current text of {@code kind} (CONSENT or WITHDRAWAL); the registry notes that it was shown. */
    ConsentText consentText(String sessionId, String kind) throws RegistryException;

    /** Sends a signed consent or withdrawal; the registry verifies it before recording it. */
    EOnayRecorded submitEOnay(String sessionId, EOnaySubmission submission) throws RegistryException;
}
