package org.regdesk.backend.certificates;

import java.util.List;

/** GET .../certificates: the citizen's certificates at the CA, newest first. */
public record CitizenCertificates(String ca, List<CitizenCertificate> certificates) {

    public CitizenCertificates {
        certificates = List.copyOf(certificates);
    }
}
