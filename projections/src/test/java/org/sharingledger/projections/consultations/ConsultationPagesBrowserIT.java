package org.sharingledger.projections.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sharingledger.support.Chromium;
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

    private static Chromium chromium;
    private static ChromeDriver driver;

    private WebDriverWait wait;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = Chromium.start();
        driver = chromium.driver();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theTrustCirculatesAVersionARepresentativeObjectsAndTheTrustAdoptsIt() throws IOException {
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1366, 900));
        String school = scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String version = Scenario.unique("v");

        driver.get(base() + "/login");
        signIn(trust);
        driver.findElement(By.linkText("Consultations")).click();
        wait.until(ExpectedConditions.urlContains("/consultations"));
        chromium.assertAccessible("the consultations");

        driver.findElement(By.id("codeVersion")).sendKeys(version);
        driver.findElement(By.id("open-consultation")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElement(By.id("codeVersion")).getAttribute("value"))
                .isEqualTo(version);
        assertThat(driver.findElements(By.cssSelector("#error-summary li"))).hasSize(2);
        chromium.assertAccessible("the consultations with problems");
        chromium.screenshot("consultations-problems.png");
        driver.findElement(By.cssSelector("#error-summary a[href='#title']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("title");

        // Time enough for the representative's answer on a slow machine (a CI run took 26 s for the whole test).
        Instant closing = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
        driver.findElement(By.id("title")).sendKeys("From Protocol to Code of Practice");
        driver.findElement(By.id("summaryOfChanges"))
                .sendKeys("The Protocol becomes a Code of Practice; silence by the closing time is agreement.");
        WebElement respondBy = driver.findElement(By.id("respondBy"));
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1];",
                        respondBy,
                        LocalDateTime.ofInstant(closing, ZoneOffset.UTC).toString());
        driver.findElement(By.id("open-consultation")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consultation-title")));
        String path = driver.getCurrentUrl().substring(base().length());
        assertThat(text(By.id("confirmation"))).contains("is circulated to");
        assertThat(text(By.id("awaiting-list"))).contains("Agency " + school);
        chromium.assertAccessible("a consultation just opened");
        signOut();

        signIn(schoolRep);
        driver.findElement(By.linkText("Consultations")).click();
        wait.until(ExpectedConditions.urlContains("/consultations"));
        chromium.assertAccessible("the consultations circulated to an agency");
        driver.findElement(By.linkText(version)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        driver.findElement(By.id("response-OBJECT")).click();
        driver.findElement(By.id("send-answer")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(text(By.id("error-summary"))).contains("an objection says why");
        chromium.assertAccessible("an objection without comments");
        chromium.screenshot("consultation-problems.png");
        driver.findElement(By.cssSelector("#error-summary a[href='#comments']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("comments");
        driver.findElement(By.id("response-OBJECT")).click();
        driver.findElement(By.id("comments")).sendKeys("Section 4 should cite the guidance.");
        driver.findElement(By.id("send-answer")).click();
        // The page before the answer has its standing too ("Not answered yet"): wait for the new one.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("own-standing"), "Objects"));
        driver.findElement(By.id("comment-text")).sendKeys("We would agree with that change.");
        driver.findElement(By.id("send-comment")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("discussion"), "We would agree with that change."));
        chromium.assertAccessible("a consultation answered");
        chromium.screenshot("consultation-answer.png");
        signOut();

        signIn(trust);
        driver.get(base() + path);
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofSeconds(1)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("consultation-status")).getText().equals("Closed");
        });
        assertThat(text(By.id("tally-OBJECT"))).isEqualTo("1");
        assertThat(driver.findElements(By.id("awaiting-list"))).isEmpty();
        chromium.assertAccessible("a closed consultation");
        chromium.screenshot("consultation.png");
        driver.findElement(By.id("adoption-note")).sendKeys("Adopted at the Trust board.");
        driver.findElement(By.id("adopt")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("adopted-on")));
        assertThat(text(By.id("consultation-status"))).isEqualTo("Adopted");
        chromium.assertAccessible("an adopted version");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(Credentials credentials) {
        driver.findElement(By.id("username")).sendKeys(credentials.username());
        driver.findElement(By.id("password")).sendKeys(credentials.password(), Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
    }

    private static String text(By by) {
        return driver.findElement(by).getText().replace('\u00A0', ' ').strip();
    }
}
