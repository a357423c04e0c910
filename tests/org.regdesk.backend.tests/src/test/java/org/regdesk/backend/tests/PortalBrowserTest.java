package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.card.reference.TestPki;
import org.regdesk.server.store.DemoData;

/**
 * The citizen portal in a real browser (Debian's headless Chromium through chromedriver): sign-in, the
 * code with its live countdown, "Tekrar Kod Al" voiding the old code, the desk finishing the unblock and
 * the page showing it without a reload, expiry, English, and a wrong password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    private TestBackend backend;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        backend = new TestBackend(Files.createTempDirectory("regdesk-portal"), TestDatabase.H2);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private String url(String path) {
        return backend.base.resolve(path).toString();
    }

    private void signIn(String tckn, String password) {
        browser.get(url("/portal/assets/portal.css")); // cookies can only be cleared on the site
        browser.manage().deleteAllCookies();
        browser.get(url("/portal"));
        browser.findElement(By.id("tckn")).sendKeys(tckn);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        // the form post and its redirect finish before the next navigation may start
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().endsWith("/portal/home")
                || !page.findElements(By.id("error")).isEmpty());
    }

    private String shownCode() {
        return browser.findElement(By.id("code")).getText().replace(" ", "");
    }

    @Test
    void aCitizenGetsACodeSeesItCountDownAndSeesTheDeskFinish() throws Exception {
        signIn(DemoData.AYSE.value(), DemoData.PORTAL_PASSWORD);
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("AYŞE YILMAZ"));
        browser.findElement(By.id("menu-pin")).click();
        assertEquals("Kod Al", browser.findElement(By.id("get-code")).getText());
        browser.findElement(By.id("get-code")).click();

        String first = shownCode();
        assertTrue(first.matches("[1-9][0-9]{14}"), first);
        String before = browser.findElement(By.id("countdown")).getText();
        assertTrue(before.matches("0[45]:[0-5][0-9]"), before);
        Thread.sleep(2200);
        String after = browser.findElement(By.id("countdown")).getText();
        assertTrue(after.compareTo(before) < 0, "the countdown runs: " + before + " -> " + after);
        screenshot("portal-pin-code-tr.png");

        assertEquals("Tekrar Kod Al", browser.findElement(By.id("get-code")).getText());
        org.openqa.selenium.WebElement oldCode = browser.findElement(By.id("code"));
        browser.findElement(By.id("get-code")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(oldCode)); // the page was reloaded
        String second = shownCode();
        assertNotEquals(first, second);

        HttpRegistryConnector desk = backend.desk("DESK-001");
        desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        RegistryException old = assertThrows(RegistryException.class,
                () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", first, null, null)));
        assertEquals("CODE_UNKNOWN", old.code());
        unblockAtTheDesk(backend, desk, second);

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                page -> "COMPLETED".equals(page.findElement(By.id("desk-status")).getAttribute("data-state")));
        assertTrue(browser.findElement(By.id("desk-status")).getText().contains("PIN'iniz kartınıza yazıldı"),
                browser.findElement(By.id("desk-status")).getText());
        // the code the desk used is spent: no code and no countdown as if it still worked, without a reload
        assertTrue(browser.findElement(By.id("used")).isDisplayed(), "the page says the code was used");
        assertTrue(!browser.findElement(By.id("code")).isDisplayed() && !browser.findElement(By.id("countdown")).isDisplayed());
        screenshot("portal-pin-completed-tr.png");
    }

    /** The desk unblocks Ayşe's demo card with the code she read out: session, SMS code, card written. */
    static void unblockAtTheDesk(TestBackend backend, HttpRegistryConnector desk, String code) throws Exception {
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code, null, null));
        desk.sendOtp(session.sessionId());
        desk.verifyOtp(session.sessionId(), backend.lastOtp(backend.registry.citizen(DemoData.AYSE).orElseThrow().phone()));
        byte[] challenge = new byte[16];
        new SecureRandom().nextBytes(challenge);
        UnblockAuthorizationGrant grant = desk.authorizeUnblock(session.sessionId(), DemoData.DEMO_CARD, challenge);
        desk.complete(session.sessionId(), new CompletionRequest(grant.authorizationId(), "SUCCEEDED", null));
    }

    @Test
    void anExpiredCodeIsHiddenAndAskedToBeRenewed() {
        signIn(DemoData.MEHMET.value(), DemoData.PORTAL_PASSWORD);
        browser.get(url("/portal/pin"));
        browser.findElement(By.id("get-code")).click();
        assertTrue(browser.findElement(By.id("code")).isDisplayed());
        org.openqa.selenium.WebElement before = browser.findElement(By.id("code"));
        backend.clock.advance(Duration.ofSeconds(301));
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(page -> page.findElement(By.id("expired")).isDisplayed());
        assertEquals("00:00", browser.findElement(By.id("countdown")).getText());
        assertTrue(!browser.findElement(By.id("code")).isDisplayed());
    }

    @Test
    void thePortalSpeaksEnglishOnRequestAndShowsTheEOnayStatus() {
        signIn(DemoData.ZEYNEP.value(), DemoData.PORTAL_PASSWORD);
        browser.get(url("/portal/e-onay"));
        assertTrue(browser.findElement(By.id("e-onay-state")).getText().contains("E-Onay vermediniz"));
        browser.findElement(By.id("language")).click();
        assertTrue(browser.findElement(By.id("e-onay-state")).getText().contains("You have not given E-Onay"));
        browser.get(url("/portal/pin"));
        assertEquals("Create PIN / unblock card", browser.findElement(By.tagName("h1")).getText());
        browser.get(url("/portal/home?lang=tr"));
        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().endsWith("/portal"));
        browser.get(url("/portal/home"));
        assertTrue(browser.getCurrentUrl().endsWith("/portal"), "signed out: " + browser.getCurrentUrl());
    }

    @Test
    void guessingPortalPasswordsIsStoppedAfterTenTries() {
        for (int i = 0; i < 10; i++) {
            signIn(DemoData.MEHMET.value(), "guess" + i);
        }
        signIn(DemoData.MEHMET.value(), DemoData.PORTAL_PASSWORD); // even the right one, for now
        assertTrue(browser.findElement(By.id("error")).getText().contains("Çok fazla"), browser.findElement(By.id("error")).getText());
        backend.clock.advance(Duration.ofMinutes(11));
        signIn(DemoData.MEHMET.value(), DemoData.PORTAL_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/portal/home"), browser.getCurrentUrl());
    }

    @Test
    void aWrongPasswordIsShownAndNoSessionStarts() {
        signIn(DemoData.AYSE.value(), "wrong");
        assertTrue(browser.findElement(By.id("error")).getText().contains("parola yanlış"));
        browser.get(url("/portal/pin"));
        assertTrue(browser.getCurrentUrl().endsWith("/portal"), "not signed in: " + browser.getCurrentUrl());
    }

    @Test
    void aCitizenSuspendsHerLostCardsCertificateAtOnceAndTheResponderSaysSo() throws Exception {
        String name = backend.registry.citizen(DemoData.ZEYNEP).orElseThrow().fullName();
        X509Certificate certificate = backend.issueQualified(name, DemoData.ZEYNEP, "RD0000000077", TestPki.KeyType.EC_P256);
        String serial = certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);

        signIn(DemoData.ZEYNEP.value(), DemoData.PORTAL_PASSWORD);
        browser.get(url("/portal/home?lang=tr"));
        browser.findElement(By.id("menu-sertifikalarim")).click();
        assertEquals("Sertifikalarım", browser.findElement(By.tagName("h1")).getText());
        org.openqa.selenium.WebElement row = browser.findElement(By.cssSelector("tr[data-serial='" + serial + "']"));
        assertEquals("VALID", row.findElement(By.className("status")).getAttribute("data-status"));
        assertTrue(row.getText().contains("RD0000000077") && row.getText().contains("EC P-256"), row.getText());
        screenshot("portal-certificates-tr.png");

        browser.findElement(By.id("suspend-" + serial)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(By.id("notice")).isEmpty());
        assertTrue(browser.findElement(By.id("notice")).getText().contains("askıya alındı"), browser.findElement(By.id("notice")).getText());
        row = browser.findElement(By.cssSelector("tr[data-serial='" + serial + "']"));
        assertEquals("ON_HOLD", row.findElement(By.className("status")).getAttribute("data-status"));
        assertTrue(browser.findElements(By.id("suspend-" + serial)).isEmpty(), "resuming needs the desk");
        assertTrue(browser.findElement(By.id("desk-needed")).getText().contains("kayıt masasına"));
        screenshot("portal-certificates-suspended-tr.png");

        assertEquals(org.regdesk.server.ca.CertificateStatus.ON_HOLD,
                backend.ca.authority().certificate(certificate.getSerialNumber()).orElseThrow().status(), "the CA holds it");
        assertTrue(backend.auditRecords().stream().anyMatch(record -> record.action().equals("PORTAL_CERTIFICATE_SUSPEND")
                && record.outcome().equals("ACCEPTED") && serial.equals(record.details().get("certificate"))));
        browser.navigate().refresh();
        assertTrue(browser.findElements(By.id("notice")).isEmpty(), "the notice is shown once");

        // the code for the desk, where resuming happens: it opens a certificate-status session, and the page says it is spent
        browser.findElement(By.cssSelector("#desk-code #get-code")).click();
        String code = shownCode();
        assertTrue(code.matches("[1-9][0-9]{14}"), code);
        screenshot("portal-certificates-code-tr.png");
        HttpRegistryConnector desk = backend.desk("DESK-003");
        desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        RegistryException wrongOperation = assertThrows(RegistryException.class,
                () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code, null, null)));
        assertEquals("CODE_WRONG_PURPOSE", wrongOperation.code(), "a certificate-status code is no PIN code");
        DeskSession session = desk.openSession(new OpenSessionRequest("CERTIFICATE_STATUS", code, null, null));
        assertEquals(name, session.citizenName());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.findElement(By.id("used")).isDisplayed());
        assertTrue(!browser.findElement(By.id("code")).isDisplayed(), "a spent code is no longer shown");
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
