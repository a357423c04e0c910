package org.regdesk.server.eonay.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.eonay.ConsentTrust;
import org.regdesk.server.eonay.ConsentVerifier;
import org.regdesk.server.eonay.TrustFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The E-Onay trust from {@code etc/org.regdesk.server.eonay.cfg}: the CA certificates consent signatures
 * must chain to, and their CRL files. Without anchors every signature is refused (EONAY_NOT_CONFIGURED).
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

        @AttributeDefinition(description = "PEM/DER CRL files of those CAs, comma-separated; re-read when they change")
        String crls() default "";
    }

    private final TrustFiles files;

    @Activate
    public TrustComponent(Configuration configuration) {
        files = new TrustFiles(paths(configuration.trust_anchors()), paths(configuration.crls()));
        if (!files.configured()) {
            LOG.warn("No trust.anchors in etc/{}.cfg: E-Onay signatures are refused (EONAY_NOT_CONFIGURED)", PID);
        }
    }

    private static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(path -> !path.isEmpty()).map(Path::of).toList();
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
