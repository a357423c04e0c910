package org.regdesk.server.desk.http;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditAction;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.OperatorSessions;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.http.ApiException;
import org.regdesk.server.http.Call;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.http.Route.Access;
import org.regdesk.server.http.internal.JsonResponses;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.IdempotentReplies;

/**
 * Builds an operation's desk routes: each needs mutual TLS with a desk certificate (the dispatcher's desk
 * check says which desk it is), runs in one database transaction (its steps commit together or not at all;
 * audit records commit on their own), and answers a {@link Refusal} as problem details with the status its kind stands for. A
 * request with an {@link #IDEMPOTENCY_KEY} runs once: repeats get the committed answer again.
 */
public final class DeskRoutes {

    public static final String BASE = "/api/v1";

    /** A desk step: may refuse in domain terms or HTTP terms (a malformed body). */
    @FunctionalInterface
    public interface Step {
        Reply handle(Call call) throws ApiException, Refusal;
    }

    /**
     * A desk sends one with every POST and the same one when it repeats the request (its answer was
     * lost): the step runs once and the repeat gets the same answer, from whichever node it reaches.
     */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The audit action of a refused desk request: one record per refusal, whatever refused it. */
    private enum RefusalAudit implements AuditAction {
        DESK_REFUSAL
    }

    private final Database database;
    private final OperatorSessions operators;
    private final AuditService audit;
    private final IdempotentReplies replies;

    /** @param audit records every refused request (who, where, which path, which code), after its transaction rolled back */
    public DeskRoutes(Database database, OperatorSessions operators, AuditService audit) {
        this.database = database;
        this.operators = operators;
        this.audit = audit;
        this.replies = new IdempotentReplies(database);
    }

    public Route post(String path, Step step) {
        return Route.post(BASE + path, Access.DESK, call -> audited(call, () -> inOneTransaction(call, step)));
    }

    public Route get(String path, Step step) {
        return Route.get(BASE + path, Access.DESK, call -> audited(call, () -> inOneTransaction(call, step)));
    }

    /**
     * A step that waits on another system (an SMS provider): not one transaction, its database work commits
     * piece by piece, so the request holds no connection and no lock while the other system answers.
     */
    public Route postCallingOut(String path, Step step) {
        return Route.post(BASE + path, Access.DESK, call -> audited(call, () -> answering(call, step)));
    }

    @FunctionalInterface
    private interface Answer {
        Reply get() throws ApiException;
    }

    /**
     * Every refusal is audited here, once, whatever refused it (no desk certificate, an unknown desk or
     * session, a role not allowed, a limit, an operation's own check): steps still record their own
     * domain outcome, this is the trail of refused requests. Who: the operator when the token is good,
     * else "-"; never the username a failed sign-in typed.
     */
    private Reply audited(Call call, Answer answer) throws ApiException {
        try {
            return answer.get();
        } catch (ApiException refused) {
            if (refused.status() < 500) {
                String desk;
                try {
                    desk = desk(call);
                } catch (Refusal noDesk) {
                    desk = "-";
                }
                String who;
                try {
                    who = actor(call).operator();
                } catch (Refusal | RuntimeException notSignedIn) {
                    who = "-";
                }
                auditRefusal(audit, who, desk, refused.code(), Map.of("method", call.method(),
                        "path", call.path().length() > 200 ? call.path().substring(0, 200) : call.path(),
                        "status", Integer.toString(refused.status())));
            }
            throw refused;
        }
    }

    /**
     * The one audit record of a refused request, also for refusals made before any route ran (no or an unenrolled
     * desk certificate, a malformed body): {@code details} says what was asked and the answer's status.
     */
    public static void auditRefusal(AuditService audit, String operator, String desk, String code, Map<String, String> details) {
        audit.append(operator, desk, RefusalAudit.DESK_REFUSAL, code, details);
    }

    /** The signed-in operator of this request's desk. */
    public Actor actor(Call call) throws Refusal {
        return operators.actor(desk(call), call.header("Authorization"));
    }

    private Reply inOneTransaction(Call call, Step step) throws ApiException {
        Optional<String> key = call.header(IDEMPOTENCY_KEY);
        if (key.isEmpty()) {
            return answering(() -> database.unit(() -> step.handle(call)));
        }
        if (!key.get().matches("[A-Za-z0-9-]{16,64}")) {
            throw new ApiException(400, "INVALID_FIELD", IDEMPOTENCY_KEY + " must be 16-64 letters, digits or '-' (a UUID).",
                    Map.of("field", IDEMPOTENCY_KEY));
        }
        return answering(() -> once(call, desk(call), key.get(), step));
    }

    /** Runs the step unless this desk's key already has an answer; the answer commits with the step. */
    private Reply once(Call call, String desk, String key, Step step) throws Exception {
        return database.unit(() -> {
            if (!replies.claim(desk, key, call.path(), Instant.now())) {
                // the same request ran first (this is a repeat), on this node or another: its answer again
                return replay(replies.earlier(desk, key).orElseThrow(DeskRoutes::inProgress), call);
            }
            Reply reply = step.handle(call);
            replies.complete(desk, key, new IdempotentReplies.StoredReply(call.path(), reply.status(), reply.contentType(),
                    reply.jsonBody() != null ? JsonResponses.bytes(reply.jsonBody()) : reply.bytes()));
            return reply;
        });
    }

    private static Reply replay(IdempotentReplies.StoredReply earlier, Call call) throws Refusal {
        if (!earlier.path().equals(call.path())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for another "
                    + "request; send a new key with each new request.");
        }
        return new Reply(earlier.status(), earlier.contentType(), null, earlier.body(), Map.of("Idempotent-Replay", "true"));
    }

    /** The embedded database does not wait for a same-key request still running: the desk asks again shortly. */
    private static Refusal inProgress() {
        return new Refusal(Refusal.Kind.CONFLICT, "REQUEST_IN_PROGRESS", "This request is still being processed; "
                + "try again in a moment.");
    }

    private static Reply answering(Call call, Step step) throws ApiException {
        return answering(() -> step.handle(call));
    }

    private static Reply answering(Database.Unit<Reply, Exception> step) throws ApiException {
        try {
            return step.run();
        } catch (Refusal refusal) {
            throw http(refusal);
        } catch (ApiException | RuntimeException | Error e) {
            throw e;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** The domain's refusal as the HTTP layer answers it. */
    public static ApiException http(Refusal refusal) {
        return new ApiException(status(refusal.kind()), refusal.code(), refusal.fallback(), refusal.params());
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
        case INVALID -> 400;
        case UNAUTHENTICATED -> 401;
        case FORBIDDEN -> 403;
        case NOT_FOUND -> 404;
        case CONFLICT -> 409;
        case GONE -> 410;
        case UNPROCESSABLE -> 422;
        case TOO_MANY -> 429;
        case UNAVAILABLE -> 503;
        };
    }

    /** The desk the dispatcher recognised by its certificate (enrolled, not revoked) before the route ran. */
    public static String desk(Call call) throws Refusal {
        return call.desk().orElseThrow(DeskRoutes::unknownDesk);
    }

    private static Refusal unknownDesk() {
        return new Refusal(Refusal.Kind.FORBIDDEN, "UNKNOWN_DESK", "This desk certificate does not belong to a registered, "
                + "active desk.");
    }
}
