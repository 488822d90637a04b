package org.sharingledger.projections.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sharingledger.support.ChromiumBrowser;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;

/**
 * The Information Sharing Protocol pages in a real Chromium: the police's nominated representative proposes an
 * agreement with the school (first with mistakes), signs it; the school's representative signs it by keyboard, and
 * the Trust reviews it. Every page, its error state too, passes axe-core's WCAG 2.2 A and AA rules. Screenshots go to
 * {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class AgreementPagesBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void representativesProposeAndSignAnAgreementAndTheTrustReviewsIt() throws IOException {
        String police = scenario.agency("POLICE");
        String school = scenario.agency("EDUCATION");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");

        browser.open(base() + "/login");
        browser.signIn(policeRep);
        browser.find(By.linkText("Agreements")).click();
        browser.until(ExpectedConditions.urlContains("/agreements"));
        browser.assertAccessible("the agreements");
        browser.find(By.id("propose-agreement")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-form")));
        browser.assertAccessible("the proposal form");

        // Sent with mistakes: the problems listed and linked, the entries kept.
        browser.find(By.id("purpose")).sendKeys("Schools know the next morning when police attended");
        browser.find(By.id("propose")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.find(By.id("purpose")).getAttribute("value")).contains("next morning");
        browser.assertAccessible("the proposal form with problems");
        browser.screenshot("agreement-new-problems.png");
        browser.find(By.cssSelector("#error-summary a[href='#title']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("title");

        browser.find(By.id("title")).sendKeys("Domestic abuse notifications");
        browser.find(By.cssSelector("input[name='parties'][value='" + school + "']"))
                .click();
        browser.find(By.id("dataItems")).sendKeys("Date of the incident", Keys.ENTER, "Children present");
        browser.find(By.id("lawfulBasis")).sendKeys("Children Act 2004 s11; Crime and Disorder Act 1998 s115");
        browser.find(By.id("propose")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("agreement-title")));
        assertThat(browser.text(By.id("agreement-status"))).isEqualTo("Awaiting signatures");
        browser.assertAccessible("an agreement awaiting signatures");
        browser.find(By.id("sign")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        String agreementUrl = browser.driver().getCurrentUrl();
        browser.find(By.id("sign-out")).click();
        browser.until(ExpectedConditions.urlContains("/login?logout"));

        browser.signIn(schoolRep);
        browser.open(agreementUrl);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("sign")));
        browser.find(By.id("sign")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("agreement-status"))).isEqualTo("In force");
        browser.assertAccessible("an agreement in force");
        browser.screenshot("agreement.png");
        browser.find(By.id("sign-out")).click();
        browser.until(ExpectedConditions.urlContains("/login?logout"));

        browser.signIn(trust);
        browser.open(agreementUrl);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("review-form")));
        browser.find(By.id("review-note")).sendKeys("Reviewed by the Trust");
        browser.find(By.id("review")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("agreement-history"))).contains("Reviewed by the Trust");
        browser.find(By.linkText("Agreements")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("agreements-table")));
        browser.assertAccessible("the Trust's agreements");
        browser.screenshot("agreements.png");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
