package org.sharingledger.projections.selfassessments;

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

/**
 * The self-assessment pages in a real Chromium, by clicks and keys: the Trust opens a round (first with mistakes), a
 * nominated representative returns it (first answering "partly" without evidence), and after the due time the Trust
 * reads the return and sees the silent agency overdue. Every page, its error states too, passes axe-core's WCAG 2.2
 * A and AA rules. Screenshots go to {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class SelfAssessmentPagesBrowserIT extends GovernanceIntegrationTest {

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void theTrustOpensARoundARepresentativeReturnsItAndTheSilentAreOverdue() throws IOException {
        String school = scenario.agency("EDUCATION");
        String silent = scenario.agency("HEALTH");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String title = "Position statement " + System.nanoTime();

        browser.open(base() + "/login");
        browser.signIn(trust);
        browser.find(By.linkText("Self-assessment")).click();
        browser.until(ExpectedConditions.urlContains("/self-assessments"));
        browser.assertAccessible("the self-assessment rounds");

        browser.find(By.id("title")).sendKeys(title);
        browser.find(By.id("open-round")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertThat(browser.findAll(By.cssSelector("#error-summary li"))).hasSize(1);
        browser.assertAccessible("the rounds with problems");
        browser.screenshot("self-assessments-problems.png");
        browser.find(By.cssSelector("#error-summary a[href='#questions']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("questions");

        // Time enough for the representative's return on a slow machine.
        Instant due = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
        browser.find(By.id("questions"))
                .sendKeys("Do your staff know how to share information about a child at risk?\n"
                        + "Have your staff attended the multi-agency course?");
        WebElement dueBy = browser.find(By.id("dueBy"));
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1];",
                        dueBy,
                        LocalDateTime.ofInstant(due, ZoneOffset.UTC).toString());
        browser.find(By.id("open-round")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("round-title")));
        String path = browser.driver().getCurrentUrl().substring(base().length());
        assertThat(browser.text(By.id("confirmation"))).contains("is circulated to");
        assertThat(browser.text(By.id("outstanding-list"))).contains("Agency " + school);
        browser.assertAccessible("a round just opened");
        browser.signOut();

        browser.signIn(schoolRep);
        browser.find(By.linkText("Self-assessment")).click();
        browser.until(ExpectedConditions.urlContains("/self-assessments"));
        browser.assertAccessible("the rounds for a representative");
        browser.find(By.linkText(title)).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("return-form")));
        browser.find(By.id("answer-0")).click();
        browser.find(By.id("answer-1-PARTLY")).click();
        browser.find(By.id("send-return")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.text(By.id("error-summary")))
                .contains("Enter the evidence for question 2")
                .contains("position statement");
        browser.assertAccessible("a return with problems");
        browser.screenshot("self-assessment-problems.png");
        browser.find(By.cssSelector("#error-summary a[href='#evidence-1']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("evidence-1");
        browser.find(By.id("evidence-1")).sendKeys("Half the staff attended in 2008; the rest are booked.");
        browser.find(By.id("statement")).sendKeys("The school shares information under the Code.");
        browser.find(By.id("send-return")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("own-standing"), "Your agency returned this round"));
        browser.assertAccessible("a round returned");
        browser.screenshot("self-assessment-return.png");
        browser.signOut();

        browser.signIn(trust);
        browser.open(base() + path);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90), Duration.ofSeconds(1)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("round-status")).getText().startsWith("Past its due date");
        });
        assertThat(browser.text(By.id("outstanding-" + silent))).contains("overdue");
        assertThat(browser.text(By.id("return-" + school))).contains("Half the staff attended in 2008");
        browser.assertAccessible("a round past its due date");
        browser.screenshot("self-assessment.png");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
