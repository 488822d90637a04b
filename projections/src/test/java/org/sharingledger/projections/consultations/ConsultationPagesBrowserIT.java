package org.sharingledger.projections.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sharingledger.support.ChromiumBrowser;
import org.sharingledger.support.GovernanceIntegrationTest;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Scenario;

/**
 * The consultation pages in a real Chromium, by clicks and keys: the Trust circulates a new version (first with
 * mistakes), a nominated representative objects (first without comments) and comments, and after the closing time
 * the Trust reads the tally and adopts the version. Every page, its error states too, passes axe-core's WCAG 2.2 A
 * and AA rules. Screenshots go to {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class ConsultationPagesBrowserIT extends GovernanceIntegrationTest {

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void theTrustCirculatesAVersionARepresentativeObjectsAndTheTrustAdoptsIt() throws IOException {
        String school = scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String version = Scenario.unique("v");

        browser.open(base() + "/login");
        browser.signIn(trust);
        browser.find(By.linkText("Consultations")).click();
        browser.until(ExpectedConditions.urlContains("/consultations"));
        browser.assertAccessible("the consultations");

        browser.find(By.id("codeVersion")).sendKeys(version);
        browser.find(By.id("open-consultation")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.find(By.id("codeVersion")).getAttribute("value")).isEqualTo(version);
        assertThat(browser.findAll(By.cssSelector("#error-summary li"))).hasSize(2);
        browser.assertAccessible("the consultations with problems");
        browser.screenshot("consultations-problems.png");
        browser.find(By.cssSelector("#error-summary a[href='#title']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("title");

        // Time enough for the representative's answer on a slow machine (a CI run took 26 s for the whole test).
        Instant closing = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
        browser.find(By.id("title")).sendKeys("From Protocol to Code of Practice");
        browser.find(By.id("summaryOfChanges"))
                .sendKeys("The Protocol becomes a Code of Practice; silence by the closing time is agreement.");
        WebElement respondBy = browser.find(By.id("respondBy"));
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1];",
                        respondBy,
                        LocalDateTime.ofInstant(closing, ZoneOffset.UTC).toString());
        browser.find(By.id("open-consultation")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("consultation-title")));
        String path = browser.driver().getCurrentUrl().substring(base().length());
        assertThat(browser.text(By.id("confirmation"))).contains("is circulated to");
        assertThat(browser.text(By.id("awaiting-list"))).contains("Agency " + school);
        browser.assertAccessible("a consultation just opened");
        browser.signOut();

        browser.signIn(schoolRep);
        browser.find(By.linkText("Consultations")).click();
        browser.until(ExpectedConditions.urlContains("/consultations"));
        browser.assertAccessible("the consultations circulated to an agency");
        browser.find(By.linkText(version)).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        browser.find(By.id("response-OBJECT")).click();
        browser.find(By.id("send-answer")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.text(By.id("error-summary"))).contains("an objection says why");
        browser.assertAccessible("an objection without comments");
        browser.screenshot("consultation-problems.png");
        browser.find(By.cssSelector("#error-summary a[href='#comments']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("comments");
        browser.find(By.id("response-OBJECT")).click();
        browser.find(By.id("comments")).sendKeys("Section 4 should cite the guidance.");
        browser.find(By.id("send-answer")).click();
        // The page before the answer has its standing too ("Not answered yet"): wait for the new one.
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("own-standing"), "Objects"));
        browser.find(By.id("comment-text")).sendKeys("We would agree with that change.");
        browser.find(By.id("send-comment")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("discussion"), "We would agree with that change."));
        browser.assertAccessible("a consultation answered");
        browser.screenshot("consultation-answer.png");
        browser.signOut();

        browser.signIn(trust);
        browser.open(base() + path);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60), Duration.ofSeconds(1)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("consultation-status")).getText().equals("Closed");
        });
        assertThat(browser.text(By.id("tally-OBJECT"))).isEqualTo("1");
        assertThat(browser.findAll(By.id("awaiting-list"))).isEmpty();
        browser.assertAccessible("a closed consultation");
        browser.screenshot("consultation.png");
        browser.find(By.id("adoption-note")).sendKeys("Adopted at the Trust board.");
        browser.find(By.id("adopt")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("adopted-on")));
        assertThat(browser.text(By.id("consultation-status"))).isEqualTo("Adopted");
        browser.assertAccessible("an adopted version");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
