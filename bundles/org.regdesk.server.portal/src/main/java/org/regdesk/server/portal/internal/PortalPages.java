package org.regdesk.server.portal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.regdesk.backend.api.Tckn;
import org.regdesk.server.codes.internal.AttemptWindow;
import org.regdesk.server.codes.internal.AttemptWindows;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.JdbcAttemptWindows;
import org.regdesk.server.http.ApiException;
import org.regdesk.server.http.Call;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.http.Route.Access;
import org.regdesk.server.portal.IdentityProvider;
import org.regdesk.server.portal.RedirectIdentityProvider;
import org.regdesk.server.portal.PortalHtml;
import org.regdesk.server.portal.PortalSection;
import org.regdesk.server.desk.AuditAction;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.registry.CitizenRegistry;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DeskSessionRecord;

/**
 * The citizen portal: sign-in, "PIN Oluşturma/Kilit Çözme" and "E-Onay İşlemleri" with the code, a live
 * countdown, "Tekrar Kod Al", and the desk's progress; and the pages other bundles add as
 * {@link PortalSection}s (a tile on the home page, {@code /portal/<id>} and its forms). Server-rendered HTML, one small script for the
 * countdown and status (no inline script: the Content-Security-Policy allows only 'self'); forms carry a
 * per-session CSRF token and the cookie is HttpOnly, Secure, SameSite=Strict.
 */
public final class PortalPages implements HttpRoutes {

    static final String COOKIE = "RDPORTAL";
    /** Binds a sign-in begun at an external provider to the browser that began it (SameSite=Lax: it comes back from there). */
    static final String SIGN_IN_COOKIE = "RDSIGNIN";
    private static final String CALLBACK = "/portal/sign-in/callback";
    /** What a provider's callback may carry (RFC 6749 4.1.2, RFC 9207). */
    private static final List<String> CALLBACK_PARAMETERS = List.of("code", "state", "error", "error_description", "iss");
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "form-action 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Frame-Options", "DENY", "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Istanbul"));

    /** A section's form for a desk code: {@code /portal/<section>/desk-code} (see {@link PortalSection#deskOperation()}). */
    static final String DESK_CODE = "desk-code";

    /** The desk operations the portal gives codes for on pages of its own; sections may add more. */
    enum CodePage {
        PIN_UNBLOCK("/portal/pin", "pinMenu", "pinIntro"), E_ONAY("/portal/e-onay", "eOnayMenu", "eOnayIntro");

        final String path;
        final String title;
        final String intro;

        CodePage(String path, String title, String intro) {
            this.path = path;
            this.title = title;
            this.intro = intro;
        }
    }

    private enum PortalAudit implements AuditAction {
        PORTAL_SIGN_IN, PORTAL_CSRF
    }

    private final CitizenRegistry registry;
    private final AuditService audit;
    /** An {@link IdentityProvider} (a password form here) or a {@link RedirectIdentityProvider} (sign-in at its pages). */
    private final Supplier<Object> identity;
    /** The portal's address as browsers reach it (behind the balancer), for the providers' callback; empty: from Host. */
    private final Optional<URI> publicUrl;
    private final Supplier<List<PortalSection>> sections;
    private final PortalSessions sessions;
    private final Clock clock;
    /** Failed sign-ins per client address and per account: each costs a PBKDF2 check, so guessing is slowed and bounded. */
    private final AttemptWindow failedSignIns;
    private final AttemptWindow failedAccountSignIns;

    public PortalPages(CitizenRegistry registry, AuditService audit, Supplier<Object> identity, Optional<URI> publicUrl,
            Supplier<List<PortalSection>> sections, Database database, Clock clock) {
        this.publicUrl = publicUrl;
        this.registry = registry;
        this.audit = audit;
        this.identity = identity;
        this.sections = sections;
        this.clock = clock;
        this.sessions = new PortalSessions(database, clock);
        AttemptWindows limits = new JdbcAttemptWindows(database);
        this.failedSignIns = limits.window("portal-sign-in-address", java.time.Duration.ofMinutes(10), 10);
        this.failedAccountSignIns = limits.window("portal-sign-in-account", java.time.Duration.ofMinutes(10), 5);
    }

    @Override
    public String name() {
        return "portal";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/portal", Access.PUBLIC, this::signInPage),
                Route.post("/portal/sign-in", Access.PUBLIC, this::signIn),
                Route.get("/portal/sign-in/provider", Access.PUBLIC, this::startExternalSignIn),
                Route.get(CALLBACK, Access.PUBLIC, this::finishExternalSignIn),
                Route.post("/portal/sign-out", Access.PUBLIC, this::signOut),
                Route.get("/portal/home", Access.PUBLIC, this::home),
                Route.get(CodePage.PIN_UNBLOCK.path, Access.PUBLIC, call -> codePage(call, CodePage.PIN_UNBLOCK)),
                Route.post(CodePage.PIN_UNBLOCK.path + "/code", Access.PUBLIC, call -> issueCode(call, CodePage.PIN_UNBLOCK)),
                Route.get(CodePage.E_ONAY.path, Access.PUBLIC, call -> codePage(call, CodePage.E_ONAY)),
                Route.post(CodePage.E_ONAY.path + "/code", Access.PUBLIC, call -> issueCode(call, CodePage.E_ONAY)),
                Route.get("/portal/status", Access.PUBLIC, this::status),
                Route.get("/portal/assets/{file}", Access.PUBLIC, this::asset),
                // last: the fixed pages above win over a section of the same name
                Route.get("/portal/{section}", Access.PUBLIC, this::sectionPage),
                Route.post("/portal/{section}/{action}", Access.PUBLIC, this::sectionAction));
    }

    // ---- sign-in ---------------------------------------------------------------------------------

    private Reply signInPage(Call call) {
        boolean en = english(call);
        if (sessions.find(call.cookie(COOKIE)).isPresent()) {
            return Reply.seeOther("/portal/home", Map.of());
        }
        return signInForm(call, en, 200, null);
    }

    private Reply signInForm(Call call, boolean en, int status, String error) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(t("signIn", en)).append("</h1>");
        if (error != null) {
            body.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        if (identity.get() instanceof RedirectIdentityProvider external) {
            // a link, not a form: the Content-Security-Policy lets forms go only to this site, also through a redirect
            body.append("<div class=\"card\"><p>").append(t("externalIntro", en)).append("</p>")
                    .append("<a id=\"sign-in-provider\" class=\"button\" href=\"/portal/sign-in/provider\">")
                    .append(escape(external.displayName())).append("</a></div>");
            return page(call, en, status, t("signIn", en), body.toString(), null);
        }
        body.append("<form method=\"post\" action=\"/portal/sign-in\" class=\"card\">")
                .append("<label for=\"tckn\">").append(t("tckn", en)).append("</label>")
                .append("<input id=\"tckn\" name=\"tckn\" inputmode=\"numeric\" autocomplete=\"username\" maxlength=\"11\" required>")
                .append("<label for=\"password\">").append(t("password", en)).append("</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
                .append("<button id=\"sign-in\" type=\"submit\">").append(t("signIn", en)).append("</button>")
                .append("<p class=\"hint\">").append(escape(identity.get() instanceof IdentityProvider form ? form.displayName() : "")).append("</p></form>");
        return page(call, en, status, t("signIn", en), body.toString(), null);
    }

    private Reply signIn(Call call) throws ApiException {
        boolean en = english(call);
        Instant now = clock.instant();
        Map<String, String> form = call.form();
        String tckn = form.getOrDefault("tckn", "").strip();
        char[] password = form.getOrDefault("password", "").toCharArray();
        // per address and per account, both taken before the slow password check
        Optional<AttemptWindow.Attempt> byAddress = failedSignIns.reserve(call.remoteAddress(), now);
        Optional<AttemptWindow.Attempt> byAccount = byAddress.isEmpty() ? Optional.empty()
                : failedAccountSignIns.reserve(tckn.length() > 11 ? tckn.substring(0, 11) : tckn, now);
        if (byAccount.isEmpty()) {
            byAddress.ifPresent(failedSignIns::release);
            java.util.Arrays.fill(password, '\0');
            audit.append("citizen", "portal", PortalAudit.PORTAL_SIGN_IN, "TOO_MANY_ATTEMPTS", Map.of());
            return signInForm(call, en, 429, t("tooManyAttempts", en));
        }
        Optional<Tckn> citizen = tckn.length() > 11 || password.length > 200 ? Optional.empty()
                : passwordProvider().authenticate(tckn, password);
        java.util.Arrays.fill(password, '\0');
        if (citizen.isEmpty()) {
            audit.append("citizen", "portal", PortalAudit.PORTAL_SIGN_IN, "REFUSED", Map.of());
            return signInForm(call, en, 401, t("wrongCredentials", en));
        }
        failedSignIns.release(byAddress.get());
        failedAccountSignIns.release(byAccount.get());
        audit.append("citizen", "portal", PortalAudit.PORTAL_SIGN_IN, "OK", Map.of("citizen", citizen.get().masked()));
        String token = sessions.start(citizen.get());
        return Reply.seeOther("/portal/home", Map.of("Set-Cookie", cookie(COOKIE, token, -1)));
    }

    private IdentityProvider passwordProvider() throws ApiException {
        if (identity.get() instanceof IdentityProvider provider) {
            return provider;
        }
        throw new ApiException(404, "NOT_FOUND", "Citizens sign in at the identity provider: POST /portal/sign-in/provider.");
    }

    /** Sends the browser to the external provider; the sign-in waits on the server, bound to this browser's cookie. */
    private Reply startExternalSignIn(Call call) throws ApiException {
        boolean en = english(call);
        if (!(identity.get() instanceof RedirectIdentityProvider external)) {
            throw new ApiException(404, "NOT_FOUND", "This portal signs citizens in with a password form.");
        }
        try {
            RedirectIdentityProvider.Started started = external.start(callback(call));
            String browser = sessions.beginSignIn(started.state(), started.pending());
            return Reply.seeOther(started.redirect().toString(), Map.of("Set-Cookie", SIGN_IN_COOKIE + "=" + browser
                    + "; Path=/portal/sign-in; HttpOnly; Secure; SameSite=Lax; Max-Age=" + PortalSessions.SIGN_IN_TIME.toSeconds()));
        } catch (RedirectIdentityProvider.SignInRefused refused) {
            audit.append("citizen", "portal", PortalAudit.PORTAL_SIGN_IN, refused.code(), Map.of());
            return signInForm(call, en, 503, signInError(refused.code(), en));
        }
    }

    /**
     * The provider sends the browser back: the sign-in of this state, begun by this browser, finished once. The answer is
     * a page that goes on to the home page by itself, so the browser sends the SameSite=Strict session cookie there (a
     * redirect from the provider's site would not).
     */
    private Reply finishExternalSignIn(Call call) throws ApiException {
        boolean en = english(call);
        if (!(identity.get() instanceof RedirectIdentityProvider external)) {
            throw new ApiException(404, "NOT_FOUND", "This portal signs citizens in with a password form.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : CALLBACK_PARAMETERS) {
            call.query(name).ifPresent(value -> parameters.put(name, value));
        }
        Optional<String> pending = sessions.takeSignIn(parameters.getOrDefault("state", ""), call.cookie(SIGN_IN_COOKIE));
        String outcome;
        if (pending.isEmpty()) {
            outcome = "STATE_INVALID"; // not begun in this browser, used already, or too old
        } else {
            try {
                Tckn citizen = external.finish(callback(call), parameters, pending.get());
                audit.append("citizen", "portal", PortalAudit.PORTAL_SIGN_IN, "OK", Map.of("citizen", citizen.masked()));
                return goingOn(en, "/portal/home", t("signedIn", en), t("signedIn", en),
                        cookie(COOKIE, sessions.start(citizen), -1));
            } catch (RedirectIdentityProvider.SignInRefused refused) {
                outcome = refused.code();
            }
        }
        audit.append("citizen", "portal", PortalAudit.PORTAL_SIGN_IN, outcome, Map.of());
        return signInForm(call, en, outcome.equals("PROVIDER_UNAVAILABLE") ? 503 : 400, signInError(outcome, en));
    }

    /** A provider's refusal code in words; one a provider of another make invents reads as an answer that did not verify. */
    private static String signInError(String code, boolean en) {
        return t(PortalText.has("signIn" + code) ? "signIn" + code : "signInTOKEN_INVALID", en);
    }

    /** The callback the provider knows (its registration names it exactly). */
    private URI callback(Call call) throws ApiException {
        if (publicUrl.isPresent()) {
            return publicUrl.get().resolve(CALLBACK);
        }
        String host = call.header("Host").orElse("");
        if (!host.matches("[A-Za-z0-9.-]{1,200}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,60}\\](:[0-9]{1,5})?")) {
            throw new ApiException(400, "INVALID_HOST", "The request has no usable Host header.");
        }
        return URI.create("https://" + host + CALLBACK);
    }

    private Reply signOut(Call call) throws ApiException {
        Optional<PortalSessions.Session> session = sessions.find(call.cookie(COOKIE));
        if (session.isPresent()) {
            checkCsrf(call, session.get());
            sessions.end(call.cookie(COOKIE));
        }
        Optional<URI> atProvider = session.isPresent() && identity.get() instanceof RedirectIdentityProvider external
                ? external.signOut(callback(call).resolve("/portal")) : Optional.empty();
        if (atProvider.isEmpty()) {
            return Reply.seeOther("/portal", Map.of("Set-Cookie", cookie(COOKIE, "", 0)));
        }
        // signed out here; the provider's own sign-in ends too, or the next "sign in" would pass straight through. A page
        // that goes there by itself: a form's redirect to another site is what the Content-Security-Policy refuses
        boolean en = english(call);
        return goingOn(en, atProvider.get().toString(), t("signOut", en), t("signedOutHere", en), cookie(COOKIE, "", 0));
    }

    /**
     * A page that goes on to {@code to} by itself (and a link there), setting {@code cookie}: the way out of a
     * cross-site hop, where a redirect would lose the SameSite=Strict cookie or break the form-action policy.
     */
    private static Reply goingOn(boolean en, String to, String title, String link, String cookie) {
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        headers.put("Set-Cookie", cookie);
        String target = escape(to);
        return Reply.html(200, "<!DOCTYPE html><html lang=\"" + (en ? "en" : "tr") + "\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\"><title>" + title + "</title></head><body><p>"
                + "<a id=\"continue\" href=\"" + target + "\">" + link + "</a></p></body></html>", headers);
    }

    // ---- pages -----------------------------------------------------------------------------------

    private Reply home(Call call) {
        boolean en = english(call);
        Optional<PortalSessions.Session> session = sessions.find(call.cookie(COOKIE));
        if (session.isEmpty()) {
            return Reply.seeOther("/portal", Map.of());
        }
        String name = registry.citizen(session.get().citizen).map(Citizen::fullName).orElse("");
        String body = "<h1>" + t("welcome", en) + ", " + escape(name) + "</h1><nav class=\"menu\">"
                + "<a id=\"menu-pin\" class=\"tile\" href=\"/portal/pin\">" + t("pinMenu", en) + "</a>"
                + "<a id=\"menu-e-onay\" class=\"tile\" href=\"/portal/e-onay\">" + t("eOnayMenu", en) + "</a>"
                + sections.get().stream().map(section -> "<a id=\"menu-" + escape(section.id()) + "\" class=\"tile\" href=\"/portal/"
                        + escape(section.id()) + "\">" + escape(section.title(en)) + "</a>").reduce("", String::concat) + "</nav>";
        return page(call, en, 200, t("title", en), body, session.get());
    }

    private Reply codePage(Call call, CodePage purpose) {
        boolean en = english(call);
        Optional<PortalSessions.Session> found = sessions.find(call.cookie(COOKIE));
        if (found.isEmpty()) {
            return Reply.seeOther("/portal", Map.of());
        }
        PortalSessions.Session session = found.get();
        // one look at the registry for the whole page: the desk status, and for E-Onay the citizen's state
        Map<String, String> status = statusOf(session, purpose.name(), en);
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(t(purpose.title, en)).append("</h1>");
        if (purpose == CodePage.E_ONAY) {
            body.append("<p class=\"status\" id=\"e-onay-state\" data-state=\"").append(status.get("eOnayState")).append("\">")
                    .append(status.get("eOnayText")).append("</p>");
        }
        body.append("<p>").append(t(purpose.intro, en)).append("</p>");
        limitNotice(call, en, body);
        codeCard(session, purpose.name(), status, purpose.path + "/code", en, body);
        body.append("<section class=\"card\"><h2>").append(t("currentStatus", en)).append("</h2>")
                .append(statusParagraph(status, purpose.name(), false)).append("</section>");
        return page(call, en, 200, t(purpose.title, en), body.toString(), session);
    }

    private static void limitNotice(Call call, boolean en, StringBuilder body) {
        if ("limit".equals(call.query("notice").orElse(""))) {
            body.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(t("limit", en)).append("</p>");
        }
    }

    /** The code shown for this desk operation (with its countdown, or why it no longer works) and the form for a new one. */
    private void codeCard(PortalSessions.Session session, String purpose, Map<String, String> status, String action, boolean en,
            StringBuilder body) {
        PortalSessions.ShownCode code = session.shownCode(purpose).orElse(null);
        Instant now = clock.instant();
        // a code a desk has opened a session with is spent: no countdown as if it still worked
        boolean used = code != null && !"None".equals(status.get("state"));
        boolean live = code != null && now.isBefore(code.expiresAt()) && !used;
        if (code != null) {
            String digits = code.digits();
            body.append("<section class=\"card\"><h2>").append(t("yourCode", en)).append("</h2>")
                    .append("<p class=\"code\" id=\"code\"").append(live ? "" : " hidden").append(">")
                    .append(digits, 0, 5).append(' ').append(digits, 5, 10).append(' ').append(digits, 10, 15).append("</p>")
                    .append("<p id=\"countdown-line\"").append(used ? " hidden" : "").append(">").append(t("remaining", en))
                    .append(": <strong id=\"countdown\" data-expires=\"")
                    .append(code.expiresAt().toEpochMilli()).append("\" data-now=\"").append(now.toEpochMilli()).append("\">")
                    .append(remaining(code.expiresAt(), now)).append("</strong></p>")
                    .append("<p class=\"error\" id=\"expired\"").append(live || used ? " hidden" : "").append(">")
                    .append(t("expired", en)).append("</p>")
                    .append("<p class=\"status\" id=\"used\"").append(used ? "" : " hidden").append(">")
                    .append(t("codeUsed", en)).append("</p></section>");
        }
        body.append("<form method=\"post\" action=\"").append(action).append("\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(session.csrf).append("\"><button id=\"get-code\" type=\"submit\">")
                .append(t(code == null ? "getCode" : "getNewCode", en)).append("</button></form>");
    }

    /** The desk's progress, refreshed by portal.js; hidden where the page itself shows the outcome. */
    private static String statusParagraph(Map<String, String> status, String purpose, boolean hidden) {
        return "<p class=\"status\" id=\"desk-status\" data-purpose=\"" + escape(purpose) + "\" data-state=\""
                + status.get("state") + "\"" + (hidden ? " hidden" : "") + ">" + escape(status.get("text")) + "</p>";
    }

    /** The latest desk session since the code was issued (or in the last day when none is shown). */
    private Map<String, String> statusOf(PortalSessions.Session session, String purpose, boolean en) {
        Instant since = session.shownCode(purpose).map(PortalSessions.ShownCode::issuedAt)
                .orElse(clock.instant().minusSeconds(86_400));
        Optional<DeskSessionRecord> latest = registry.latestSession(session.citizen, purpose)
                .filter(desk -> !desk.startedAt().isBefore(since));
        Map<String, String> status = new LinkedHashMap<>();
        String state = latest.map(desk -> desk.state().name()).orElse("None");
        status.put("state", state);
        boolean eOnay = CodePage.E_ONAY.name().equals(purpose);
        String text = t(eOnay && "COMPLETED".equals(state) ? "statusCOMPLETED_E_ONAY" : "status" + state, en);
        if (latest.isPresent() && latest.get().endedAt().isPresent()) {
            text += " (" + TIME.format(latest.get().endedAt().get()) + ")";
        }
        status.put("text", text);
        if (eOnay) {
            // the E-Onay state changes when the desk records a consent: the page shows it without a reload
            String consent = registry.eOnayState(session.citizen).orElse("None");
            status.put("eOnayState", consent);
            status.put("eOnayText", t("eOnay" + consent, en));
        }
        return status;
    }

    // ---- pages of other bundles ---------------------------------------------------------------------

    private Optional<PortalSection> section(Call call) {
        String id = call.pathParameter("section");
        return sections.get().stream().filter(section -> section.id().equals(id)).findFirst();
    }

    private Reply sectionPage(Call call) throws ApiException {
        boolean en = english(call);
        PortalSection section = section(call).orElseThrow(() -> new ApiException(404, "NOT_FOUND", "No such page."));
        Optional<PortalSessions.Session> found = sessions.find(call.cookie(COOKIE));
        if (found.isEmpty()) {
            return Reply.seeOther("/portal", Map.of());
        }
        PortalSessions.Session session = found.get();
        StringBuilder body = new StringBuilder("<h1>").append(escape(section.title(en))).append("</h1>");
        PortalSection.Outcome notice = session.takeNotice(section.id());
        if (notice != null) {
            body.append("<p class=\"").append(notice.done() ? "status" : "error").append("\" id=\"notice\" role=\"")
                    .append(notice.done() ? "status" : "alert").append("\">").append(escape(notice.text())).append("</p>");
        }
        body.append(section.render(session.citizen, en, action -> "<form method=\"post\" action=\"/portal/" + escape(section.id())
                + "/" + escape(action) + "\"><input type=\"hidden\" name=\"csrf\" value=\"" + session.csrf + "\">"));
        if (section.deskOperation().isPresent()) {
            // the section's own list shows what the desk changed; the status only tells the page the code is spent
            String purpose = section.deskOperation().get();
            Map<String, String> status = statusOf(session, purpose, en);
            body.append("<section class=\"card\" id=\"desk-code\"><h2>").append(t("deskCode", en)).append("</h2><p>")
                    .append(t("deskCodeIntro", en)).append("</p>");
            limitNotice(call, en, body);
            codeCard(session, purpose, status, "/portal/" + escape(section.id()) + "/" + DESK_CODE, en, body);
            body.append(statusParagraph(status, purpose, true)).append("</section>");
        }
        return page(call, en, 200, section.title(en), body.toString(), session);
    }

    private Reply sectionAction(Call call) throws ApiException {
        PortalSection section = section(call).orElseThrow(() -> new ApiException(404, "NOT_FOUND", "No such page."));
        Optional<PortalSessions.Session> found = sessions.find(call.cookie(COOKIE));
        if (found.isEmpty()) {
            return Reply.seeOther("/portal", Map.of());
        }
        checkCsrf(call, found.get());
        if (DESK_CODE.equals(call.pathParameter("action")) && section.deskOperation().isPresent()) {
            return issueCode(found.get(), section.deskOperation().get(), "/portal/" + section.id());
        }
        PortalSection.Outcome outcome = section.act(found.get().citizen, call.pathParameter("action"), call.form(), english(call));
        found.get().notice(section.id(), outcome);
        return Reply.seeOther("/portal/" + section.id(), Map.of());
    }

    private Reply issueCode(Call call, CodePage purpose) throws ApiException {
        Optional<PortalSessions.Session> found = sessions.find(call.cookie(COOKIE));
        if (found.isEmpty()) {
            return Reply.seeOther("/portal", Map.of());
        }
        checkCsrf(call, found.get());
        return issueCode(found.get(), purpose.name(), purpose.path);
    }

    /** A new code for this desk operation, shown on {@code page} (CSRF already checked). */
    private Reply issueCode(PortalSessions.Session session, String purpose, String page) {
        Optional<CitizenRegistry.IssuedCode> issued = registry.issueCode(session.citizen, purpose);
        if (issued.isEmpty()) {
            return Reply.seeOther(page + "?notice=limit", Map.of());
        }
        session.show(purpose, new PortalSessions.ShownCode(issued.get().digits(), clock.instant(), issued.get().expiresAt()));
        return Reply.seeOther(page, Map.of());
    }

    private Reply status(Call call) throws ApiException {
        Optional<PortalSessions.Session> session = sessions.find(call.cookie(COOKIE));
        if (session.isEmpty()) {
            throw new ApiException(401, "SIGN_IN_REQUIRED", "Please sign in.");
        }
        String purpose = call.query("purpose").orElse("");
        boolean known = java.util.Arrays.stream(CodePage.values()).anyMatch(page -> page.name().equals(purpose))
                || sections.get().stream().anyMatch(section -> section.deskOperation().filter(purpose::equals).isPresent());
        if (!known) {
            throw new ApiException(400, "INVALID_FIELD", "purpose must be a desk operation the portal gives codes for "
                    + "(PIN_UNBLOCK, E_ONAY or a section's).", Map.of("field", "purpose"));
        }
        return Reply.ok(statusOf(session.get(), purpose, english(call)));
    }

    private Reply asset(Call call) throws ApiException {
        String file = call.pathParameter("file");
        String type = switch (file) {
            case "portal.js" -> "text/javascript; charset=utf-8";
            case "portal.css" -> "text/css; charset=utf-8";
            default -> throw new ApiException(404, "NOT_FOUND", "No such file.");
        };
        try (InputStream in = PortalPages.class.getResourceAsStream("/portal/" + file)) {
            if (in == null) {
                throw new IllegalStateException("portal asset " + file + " missing from the bundle");
            }
            return new Reply(200, type, null, in.readAllBytes(), Map.of("X-Content-Type-Options", "nosniff"));
        } catch (IOException e) {
            throw new IllegalStateException("portal asset " + file + " missing from the bundle", e);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A form without the session's CSRF token came from another site (or a stale page): refused and audited. */
    private void checkCsrf(Call call, PortalSessions.Session session) throws ApiException {
        String sent = call.form().getOrDefault("csrf", "");
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII), session.csrf.getBytes(StandardCharsets.US_ASCII))) {
            audit.append("citizen", "portal", PortalAudit.PORTAL_CSRF, "CSRF_TOKEN_INVALID", Map.of("citizen",
                    session.citizen.masked(), "path", call.path().length() > 200 ? call.path().substring(0, 200) : call.path()));
            throw new ApiException(403, "CSRF_TOKEN_INVALID", PortalText.get("badRequest", true));
        }
    }

    private Reply page(Call call, boolean en, int status, String title, String body, PortalSessions.Session session) {
        String other = en ? "tr" : "en";
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html lang=\"").append(en ? "en" : "tr").append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" – Kamu SM</title>")
                .append("<link rel=\"stylesheet\" href=\"/portal/assets/portal.css\">")
                .append("<script src=\"/portal/assets/portal.js\" defer></script></head><body>")
                .append("<header><a class=\"brand\" href=\"/portal/home\">").append(t("title", en)).append("</a>")
                .append("<a id=\"language\" href=\"").append(escape(call.path())).append("?lang=").append(other).append("\">")
                .append(t("language", en)).append("</a>");
        if (session != null) {
            html.append("<form method=\"post\" action=\"/portal/sign-out\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(session.csrf).append("\"><button id=\"sign-out\" class=\"link\">").append(t("signOut", en))
                    .append("</button></form>");
        }
        html.append("</header><main>").append(body);
        if (session != null && !call.path().equals("/portal/home")) {
            html.append("<p><a id=\"home\" href=\"/portal/home\">").append(t("back", en)).append("</a></p>");
        }
        html.append("</main></body></html>");
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        call.query("lang").filter(lang -> lang.equals("en") || lang.equals("tr"))
                .ifPresent(lang -> headers.put("Set-Cookie", cookie("lang", lang, 31_536_000)));
        return Reply.html(status, html.toString(), headers);
    }

    private static boolean english(Call call) {
        return call.query("lang").or(() -> call.cookie("lang")).map("en"::equals).orElse(false);
    }

    private static String cookie(String name, String value, long maxAge) {
        return name + "=" + value + "; Path=/portal; HttpOnly; Secure; SameSite=Strict" + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private static String remaining(Instant expires, Instant now) {
        long seconds = Math.max(0, java.time.Duration.between(now, expires).toSeconds());
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    private static String t(String key, boolean en) {
        return PortalText.get(key, en);
    }

    static String escape(String text) {
        return PortalHtml.escape(text);
    }
}
