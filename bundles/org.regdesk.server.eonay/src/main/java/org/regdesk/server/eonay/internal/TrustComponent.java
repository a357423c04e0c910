package org.regdesk.server.eonay.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.eonay.ConsentTrust;
import org.regdesk.server.eonay.ConsentVerifier;
import org.regdesk.server.eonay.TrustFiles;
import org.regdesk.server.revocation.RevocationChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The E-Onay trust from {@code etc/org.regdesk.server.eonay.cfg}: the CA certificates consent signatures
 * must chain to and the policy OIDs of a qualified certificate; revocation status from the best-ranked
 * {@link RevocationChecker}. Without anchors every signature is refused (EONAY_NOT_CONFIGURED).
 */
@Component(configurationPid = TrustComponent.PID, property = "service.ranking:Integer=0")
@Designate(ocd = TrustComponent.Configuration.class)
public final class TrustComponent implements ConsentTrust {

    public static final String PID = "org.regdesk.server.eonay";

    private static final Logger LOG = LoggerFactory.getLogger(TrustComponent.class);

    @ObjectClassDefinition(name = "RegDesk E-Onay trust")
    public @interface Configuration {

        @AttributeDefinition(description = "PEM/DER files of the CA certificates signatures must chain to, comma-separated")
        String trust_anchors() default "";

        @AttributeDefinition(description = "Certificate policy OIDs of a qualified signature certificate, comma-separated; "
                + "the signer's certificate must carry one (and QcCompliance)")
        String qualified_policies() default NES_POLICY;
    }

    /** The test PKI's NES policy; a real CA configures its own qualified policy OID. */
    static final String NES_POLICY = "2.16.792.1.61.0.1.5070.1.1";

    private final TrustFiles files;

    @Activate
    public TrustComponent(Configuration configuration, @Reference RevocationChecker revocation) {
        files = new TrustFiles(paths(configuration.trust_anchors()), Set.copyOf(split(configuration.qualified_policies())),
                revocation);
        if (!files.configured()) {
            LOG.warn("No trust.anchors in etc/{}.cfg: E-Onay signatures are refused (EONAY_NOT_CONFIGURED)", PID);
        }
    }

    private static List<Path> paths(String commaSeparated) {
        return split(commaSeparated).stream().map(Path::of).toList();
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    @Override
    public boolean configured() {
        return files.configured();
    }

    @Override
    public ConsentVerifier.Trust current() {
        return files.current();
    }
}
