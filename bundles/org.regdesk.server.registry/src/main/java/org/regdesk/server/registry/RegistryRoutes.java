package org.regdesk.server.registry;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.regdesk.backend.api.v1.CertificateApplicationRequest;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.EOnaySubmission;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OtpVerifyRequest;
import org.regdesk.backend.api.v1.SignInRequest;
import org.regdesk.backend.api.v1.UnblockAuthorizationRequest;
import org.regdesk.server.http.ApiException;
import org.regdesk.server.http.Call;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.http.Route.Access;

/**
 * The desk API, version 1 ({@code /api/v1}), over {@link Registry}. Every route needs mutual TLS with a
 * desk certificate (its CN is the desk id) and, but for sign-in, the operator's bearer token.
 */
public final class RegistryRoutes implements HttpRoutes {

    public static final String BASE = "/api/v1";

    private final Registry registry;
    private final EOnayDesk eOnay;

    public RegistryRoutes(Registry registry, EOnayDesk eOnay) {
        this.registry = registry;
        this.eOnay = eOnay;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                post("/operators/sign-in", call -> Reply.ok(registry.signIn(desk(call), call.json(SignInRequest.class)))),
                post("/operators/sign-out", call -> {
                    registry.signOut(actor(call), call.header("Authorization").orElseThrow());
                    return Reply.ok(Map.of("signedOut", true));
                }),
                post("/desk-sessions",
                        call -> Reply.json(201, registry.openSession(actor(call), call.json(OpenSessionRequest.class)))),
                get("/desk-sessions/{id}", call -> Reply.ok(registry.session(actor(call), call.pathParameter("id")))),
                post("/desk-sessions/{id}/otp", call -> Reply.ok(registry.sendOtp(actor(call), call.pathParameter("id")))),
                post("/desk-sessions/{id}/otp/verify", call -> Reply.ok(
                        registry.verifyOtp(actor(call), call.pathParameter("id"), call.json(OtpVerifyRequest.class).code()))),
                post("/desk-sessions/{id}/unblock-authorization", call -> Reply.ok(registry.authorizeUnblock(actor(call),
                        call.pathParameter("id"), call.json(UnblockAuthorizationRequest.class)))),
                post("/desk-sessions/{id}/complete", call -> Reply.ok(
                        registry.complete(actor(call), call.pathParameter("id"), call.json(CompletionRequest.class)))),
                post("/desk-sessions/{id}/abort", call -> Reply.ok(registry.abort(actor(call), call.pathParameter("id")))),
                get("/desk-sessions/{id}/e-onay", call -> Reply.ok(eOnay.status(actor(call), call.pathParameter("id")))),
                get("/desk-sessions/{id}/e-onay/text/{kind}", call -> Reply.ok(
                        eOnay.text(actor(call), call.pathParameter("id"), call.pathParameter("kind")))),
                post("/desk-sessions/{id}/e-onay", call -> Reply.ok(
                        eOnay.submit(actor(call), call.pathParameter("id"), call.json(EOnaySubmission.class)))),
                post("/certificate-applications", call -> Reply.json(201,
                        eOnay.apply(actor(call), call.json(CertificateApplicationRequest.class)))),
                get("/certificate-applications", call -> Reply.ok(eOnay.queue(actor(call)))),
                get("/audit/check", call -> Reply.ok(registry.auditCheck(actor(call)))),
                get("/audit/export", call -> new Reply(200, "application/x-ndjson; charset=utf-8", null,
                        registry.auditExport(actor(call)).getBytes(StandardCharsets.UTF_8), Map.of())));
    }

    /** A desk route whose steps commit together: one transaction per request. */
    private Route post(String path, Route.Handler handler) {
        return Route.post(BASE + path, Access.DESK, call -> registry.inOneTransaction(() -> handler.handle(call)));
    }

    private Route get(String path, Route.Handler handler) {
        return Route.get(BASE + path, Access.DESK, call -> registry.inOneTransaction(() -> handler.handle(call)));
    }

    private Actor actor(Call call) throws ApiException {
        return registry.actor(desk(call), call.header("Authorization"));
    }

    /** The desk id is the CN of the client certificate, which TLS already checked against the desk CA. */
    static String desk(Call call) throws ApiException {
        X509Certificate certificate = call.clientCertificate().orElseThrow(Refusals::unknownDesk);
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            throw Refusals.unknownDesk();
        }
        throw Refusals.unknownDesk();
    }
}
