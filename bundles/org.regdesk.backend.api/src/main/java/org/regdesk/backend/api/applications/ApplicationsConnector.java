package org.regdesk.backend.api.applications;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CertificateApplication;
import org.regdesk.backend.api.v1.CertificateApplicationRequest;

/** The registry's part in certificate applications that rest on E-Onay. */
@ProviderType
public interface ApplicationsConnector {

    /** A certificate application that rests on the citizen's E-Onay. */
    CertificateApplication applyForCertificate(CertificateApplicationRequest request) throws RegistryException;

    /** The production queue of E-Onay-backed applications, the soonest ready first. */
    List<CertificateApplication> certificateApplications() throws RegistryException;
}
