package org.regdesk.server.registry.internal;

import java.util.Map;
import java.util.Optional;

import org.regdesk.backend.api.Tckn;
import org.regdesk.server.codes.internal.VerificationCodes;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.registry.CitizenRegistry;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.DeskSessions;

/** The portal's view of the registry. */
public final class CitizenRegistryService implements CitizenRegistry {

    static final String PORTAL = "portal";
    static final String CITIZEN = "citizen";

    private final VerificationCodes codes;
    private final Citizens citizens;
    private final DeskSessions sessions;
    private final AuditService audit;

    public CitizenRegistryService(Database database, VerificationCodes codes, AuditService audit) {
        this.codes = codes;
        this.citizens = new Citizens(database);
        this.sessions = new DeskSessions(database);
        this.audit = audit;
    }

    @Override
    public Optional<IssuedCode> issueCode(Tckn citizen, String operation) {
        Optional<IssuedCode> issued = codes.issue(citizen, operation).map(code -> new IssuedCode(code.digits(), code.expiresAt()));
        audit.append(CITIZEN, PORTAL, CoreAudit.CODE_ISSUE, issued.isPresent() ? "ISSUED" : "LIMIT",
                Map.of("citizen", citizen.masked(), "purpose", operation));
        return issued;
    }

    @Override
    public Optional<Citizen> citizen(Tckn tckn) {
        return citizens.find(tckn);
    }

    @Override
    public Optional<DeskSessionRecord> latestSession(Tckn citizen, String operation) {
        return sessions.latest(citizen, operation);
    }

    @Override
    public Optional<String> eOnayState(Tckn citizen) {
        return sessions.eOnayState(citizen);
    }
}
