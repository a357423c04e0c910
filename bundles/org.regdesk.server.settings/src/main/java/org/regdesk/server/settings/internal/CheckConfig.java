package org.regdesk.server.settings.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code regdesk-server check-config}: prints what a production start would refuse, one line per setting, and
 * exits with 78 (EX_CONFIG) if anything is refused. The launcher runs it before every production start too.
 * Arguments: the configuration folder (default {@code etc}).
 */
public final class CheckConfig {

    /** The exit status of a refused configuration (sysexits.h EX_CONFIG). */
    public static final int REFUSED = 78;

    private CheckConfig() {
    }

    public static void main(String[] arguments) {
        Path etc = Path.of(arguments.length > 0 ? arguments[0] : "etc").toAbsolutePath();
        List<ProductionCheck.Finding> findings = ProductionCheck.run(etc, System::getProperty, Instant.now());
        System.out.println("RegDesk production settings in " + etc + ":");
        findings.forEach(finding -> System.out.println("  " + finding));
        if (ProductionCheck.refuses(findings)) {
            long refused = findings.stream().filter(ProductionCheck.Finding::refused).count();
            System.out.println("A production start is refused (" + refused + " setting(s) above). For a demonstration "
                    + "with development keys start with REGDESK_DEMO=true; see docs/OPERATIONS.md for each setting.");
            System.exit(REFUSED);
        }
        System.out.println("A production start would accept these settings.");
    }
}
