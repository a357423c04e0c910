package org.regdesk.server.registry.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.regdesk.backend.api.v1.CardSignInRequest;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OtpVerifyRequest;
import org.regdesk.backend.api.v1.SignInRequest;
import org.regdesk.server.desk.http.DeskRoutes;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;

/**
 * The core of the desk API, version 1 ({@code /api/v1}): operator sign-in (password, or the operator's card), desk sessions and the SMS
 * code, the audit trail. Operations add their own steps under {@code /desk-sessions/{id}/...}.
 */
public final class RegistryRoutes implements HttpRoutes {

    private final DeskRoutes desk;
    private final OperatorAccess operators;
    private final SessionDesk sessions;
    private final AuditTrailService audit;
    private final OperatorCardSignIn cards;

    public RegistryRoutes(DeskRoutes desk, OperatorAccess operators, OperatorCardSignIn cards, SessionDesk sessions,
            AuditTrailService audit) {
        this.desk = desk;
        this.operators = operators;
        this.cards = cards;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                desk.post("/operators/sign-in", call -> Reply.ok(operators.signIn(DeskRoutes.desk(call), call.json(SignInRequest.class)))),
                desk.post("/operators/sign-in/challenge", call -> Reply.ok(cards.challenge(DeskRoutes.desk(call)))),
                desk.post("/operators/sign-in/card", call -> Reply.ok(cards.signIn(DeskRoutes.desk(call),
                        call.json(CardSignInRequest.class)))),
                desk.post("/operators/sign-out", call -> {
                    operators.signOut(desk.actor(call), call.header("Authorization").orElseThrow());
                    return Reply.ok(Map.of("signedOut", true));
                }),
                desk.post("/desk-sessions", call -> Reply.json(201, sessions.open(desk.actor(call), call.json(OpenSessionRequest.class)))),
                desk.get("/desk-sessions/{id}", call -> Reply.ok(sessions.session(desk.actor(call), call.pathParameter("id")))),
                desk.postCallingOut("/desk-sessions/{id}/otp", call -> Reply.ok(sessions.sendOtp(desk.actor(call), call.pathParameter("id")))),
                desk.post("/desk-sessions/{id}/otp/verify", call -> Reply.ok(sessions.verifyOtp(desk.actor(call),
                        call.pathParameter("id"), call.json(OtpVerifyRequest.class).code()))),
                desk.post("/desk-sessions/{id}/abort", call -> Reply.ok(sessions.abort(desk.actor(call), call.pathParameter("id")))),
                desk.get("/audit/check", call -> Reply.ok(audit.check(desk.actor(call)))),
                desk.get("/audit/export", call -> new Reply(200, "application/x-ndjson; charset=utf-8", null,
                        audit.export(desk.actor(call)).getBytes(StandardCharsets.UTF_8), Map.of())));
    }
}
