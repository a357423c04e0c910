package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.server.portal.RedirectIdentityProvider;
import org.regdesk.server.portal.oidc.internal.OidcIdentityProvider;
import org.regdesk.server.store.DemoData;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;

/**
 * Citizens sign in to the portal at a real OpenID Provider (panva/oidc-provider under Node.js) in headless Chromium:
 * sign in there, the portal shows the citizen's page, a code, the desk completes, the portal shows it, sign-out ends
 * the provider's session too. The provider also refuses a replayed code, and the portal a wrong nonce and a callback
 * that its browser did not begin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInTest {

    private TestBackend backend;
    private TestOpenIdProvider provider;
    private OidcIdentityProvider oidc;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("regdesk-oidc");
        backend = new TestBackend(data, TestDatabase.H2);
        provider = new TestOpenIdProvider(backend.base.resolve("/portal/sign-in/callback"), backend.base.resolve("/portal"), data);
        oidc = new OidcIdentityProvider(new OidcIdentityProvider.Settings(new Issuer(provider.issuer.toString()),
                new ClientID(TestOpenIdProvider.CLIENT_ID), new Secret(Files.readString(provider.secretFile).strip()), "sub",
                new Scope("openid"), Duration.ofSeconds(60), Duration.ofSeconds(5), "Test OP ile giriş"), Clock.systemUTC());
        backend.identityProvider = oidc;
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (provider != null) {
            provider.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aCitizenSignsInAtTheProviderGetsACodeAndSeesTheDeskFinishThenSignsOutThere() throws Exception {
        browser.get(backend.base.resolve("/portal").toString());
        assertEquals("Test OP ile giriş", browser.findElement(By.id("sign-in-provider")).getText());
        browser.findElement(By.id("sign-in-provider")).click();
        signInAtProvider(DemoData.AYSE.value());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().endsWith("/portal/home"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("AYŞE YILMAZ"), browser.getPageSource());
        HeadlessChromium.screenshot(browser, "portal-oidc-home-tr.png");

        browser.findElement(By.id("menu-pin")).click();
        browser.findElement(By.id("get-code")).click();
        String code = browser.findElement(By.id("code")).getText().replace(" ", "");
        HttpRegistryConnector desk = backend.desk("DESK-001");
        desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        PortalBrowserTest.unblockAtTheDesk(backend, desk, code);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                page -> "COMPLETED".equals(page.findElement(By.id("desk-status")).getAttribute("data-state")));

        browser.findElement(By.id("sign-out")).click();
        // the provider asks whether to end its session too; then it sends the browser back to the portal
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(By.name("logout")).isEmpty());
        browser.findElement(By.name("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().endsWith("/portal"));
        browser.findElement(By.id("sign-in-provider")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(By.name("login")).isEmpty());
        assertTrue(browser.getCurrentUrl().startsWith(provider.issuer.toString()), "signed out at the provider too: it asks again");
        assertTrue(backend.auditRecords().stream().anyMatch(record -> record.action().equals("PORTAL_SIGN_IN")
                && record.outcome().equals("OK") && record.details().get("citizen").equals(DemoData.AYSE.masked())));
    }

    @Test
    void aCallbackThisBrowserDidNotBeginIsRefused() {
        browser.get(backend.base.resolve("/portal/sign-in/callback?code=forged&state=" + "x".repeat(43)).toString());
        assertTrue(browser.findElement(By.id("error")).getText().contains("bu tarayıcıda başlatılmadı"),
                browser.findElement(By.id("error")).getText());
        assertEquals("STATE_INVALID", backend.auditRecords().getLast().outcome());
    }

    @Test
    void theProviderRefusesAReplayedCodeAndTheValidatorAWrongNonce() throws Exception {
        URI callback = backend.base.resolve("/portal/sign-in/callback");
        RedirectIdentityProvider.Started started = oidc.start(callback);
        Map<String, String> answer = signInWithoutBrowser(started.redirect(), callback, DemoData.MEHMET.value());
        assertEquals(started.state(), answer.get("state"));
        assertEquals(DemoData.MEHMET, oidc.finish(callback, answer, started.pending()));
        RedirectIdentityProvider.SignInRefused replayed = assertThrows(RedirectIdentityProvider.SignInRefused.class,
                () -> oidc.finish(callback, answer, started.pending()));
        assertEquals("CODE_REJECTED", replayed.code(), replayed.getMessage());

        RedirectIdentityProvider.Started second = oidc.start(callback);
        Map<String, String> again = signInWithoutBrowser(second.redirect(), callback, DemoData.MEHMET.value());
        String otherNonce = "wrong-nonce " + second.pending().split(" ")[1]; // the right PKCE verifier, another nonce
        RedirectIdentityProvider.SignInRefused nonce = assertThrows(RedirectIdentityProvider.SignInRefused.class,
                () -> oidc.finish(callback, again, otherNonce));
        assertEquals("TOKEN_INVALID", nonce.code(), nonce.getMessage());

        RedirectIdentityProvider.Started third = oidc.start(callback);
        Map<String, String> notATckn = signInWithoutBrowser(third.redirect(), callback, "not-a-tckn");
        assertEquals("IDENTITY_MISSING", assertThrows(RedirectIdentityProvider.SignInRefused.class,
                () -> oidc.finish(callback, notATckn, third.pending())).code());
        assertEquals("CANCELLED", assertThrows(RedirectIdentityProvider.SignInRefused.class,
                () -> oidc.finish(callback, Map.of("error", "access_denied", "state", "s"), third.pending())).code());
    }

    /** The provider's development login and consent screens, as the browser would pass them. */
    private void signInAtProvider(String login) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> browser.getCurrentUrl() + "\n" + browser.getPageSource())
                .until(page -> !page.findElements(By.name("login")).isEmpty());
        browser.findElement(By.name("login")).sendKeys(login);
        browser.findElement(By.name("password")).sendKeys("any");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        By consent = By.cssSelector("input[name=prompt][value=consent] ~ button[type=submit]");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().contains("/portal/")
                || !page.findElements(consent).isEmpty());
        if (!browser.getCurrentUrl().contains("/portal/")) {
            browser.findElement(consent).click();
        }
    }

    /**
     * The same screens over plain HTTP, stopping where the provider sends the browser back: the callback's query
     * parameters (code, state, iss), not delivered to the portal.
     */
    private static Map<String, String> signInWithoutBrowser(URI authorization, URI callback, String login) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest next = HttpRequest.newBuilder(authorization).GET().build();
        for (int step = 0; step < 12; step++) {
            HttpResponse<String> response = client.send(next, HttpResponse.BodyHandlers.ofString());
            URI at = next.uri();
            if (response.statusCode() / 100 == 3) {
                URI location = at.resolve(response.headers().firstValue("Location").orElseThrow());
                if (location.toString().startsWith(callback.toString())) {
                    return query(location);
                }
                next = HttpRequest.newBuilder(location).GET().build();
                continue;
            }
            Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !form.find()) {
                throw new AssertionError("the provider answered " + response.statusCode() + ": " + response.body());
            }
            StringBuilder body = new StringBuilder();
            Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(response.body());
            while (hidden.find()) { // prompt=login or prompt=consent
                body.append(body.isEmpty() ? "" : "&").append(hidden.group(1)).append('=')
                        .append(URLEncoder.encode(hidden.group(2), StandardCharsets.UTF_8));
            }
            if (response.body().contains("name=\"login\"")) {
                body.append("&login=").append(URLEncoder.encode(login, StandardCharsets.UTF_8)).append("&password=any");
            }
            next = HttpRequest.newBuilder(at.resolve(form.group(1))).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        }
        throw new AssertionError("the provider did not send the browser back");
    }

    private static Map<String, String> query(URI location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
