package org.sharingledger.projections.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sharingledger.support.Chromium;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;

/**
 * The Information Sharing Protocol pages in a real Chromium: the police's nominated representative proposes an
 * agreement with the school (first with mistakes), signs it; the school's representative signs it by keyboard, and
 * the Trust reviews it. Every page, its error state too, passes axe-core's WCAG 2.2 A and AA rules. Screenshots go to
 * {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class AgreementPagesBrowserIT extends IntegrationTest {

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
    void representativesProposeAndSignAnAgreementAndTheTrustReviewsIt() throws IOException {
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1366, 900));
        String police = scenario.agency("POLICE");
        String school = scenario.agency("EDUCATION");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");

        driver.get(base() + "/login");
        signIn(policeRep);
        driver.findElement(By.linkText("Agreements")).click();
        wait.until(ExpectedConditions.urlContains("/agreements"));
        chromium.assertAccessible("the agreements");
        driver.findElement(By.id("propose-agreement")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-form")));
        chromium.assertAccessible("the proposal form");

        // Sent with mistakes: the problems listed and linked, the entries kept.
        driver.findElement(By.id("purpose")).sendKeys("Schools know the next morning when police attended");
        driver.findElement(By.id("propose")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElement(By.id("purpose")).getAttribute("value")).contains("next morning");
        chromium.assertAccessible("the proposal form with problems");
        chromium.screenshot("agreement-new-problems.png");
        driver.findElement(By.cssSelector("#error-summary a[href='#title']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("title");

        driver.findElement(By.id("title")).sendKeys("Domestic abuse notifications");
        driver.findElement(By.cssSelector("input[name='parties'][value='" + school + "']"))
                .click();
        driver.findElement(By.id("dataItems")).sendKeys("Date of the incident", Keys.ENTER, "Children present");
        driver.findElement(By.id("lawfulBasis")).sendKeys("Children Act 2004 s11; Crime and Disorder Act 1998 s115");
        driver.findElement(By.id("propose")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agreement-title")));
        assertThat(text(By.id("agreement-status"))).isEqualTo("Awaiting signatures");
        chromium.assertAccessible("an agreement awaiting signatures");
        driver.findElement(By.id("sign")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        String agreementUrl = driver.getCurrentUrl();
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));

        signIn(schoolRep);
        driver.get(agreementUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign")));
        driver.findElement(By.id("sign")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(text(By.id("agreement-status"))).isEqualTo("In force");
        chromium.assertAccessible("an agreement in force");
        chromium.screenshot("agreement.png");
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));

        signIn(trust);
        driver.get(agreementUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-form")));
        driver.findElement(By.id("review-note")).sendKeys("Reviewed by the Trust");
        driver.findElement(By.id("review")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(text(By.id("agreement-history"))).contains("Reviewed by the Trust");
        driver.findElement(By.linkText("Agreements")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agreements-table")));
        chromium.assertAccessible("the Trust's agreements");
        chromium.screenshot("agreements.png");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(Credentials credentials) {
        driver.findElement(By.id("username")).sendKeys(credentials.username());
        driver.findElement(By.id("password")).sendKeys(credentials.password(), Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static String text(By by) {
        return driver.findElement(by).getText().replace('\u00A0', ' ').strip();
    }
}
