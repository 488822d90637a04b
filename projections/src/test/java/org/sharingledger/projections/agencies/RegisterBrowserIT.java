package org.sharingledger.projections.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sharingledger.support.Chromium;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * The register on any day, its changes between two dates, and an administrator recording that a withdrawn agency
 * signed again, in a real Chromium; every page, error states too, passes axe-core's WCAG 2.2 AA rules. Screenshots go
 * to {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class RegisterBrowserIT extends IntegrationTest {

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
    void theTrustReadsTheRegisterOnADayAndItsChangesAndAnAdministratorSignsAnAgencyAgain() throws IOException {
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1366, 900));
        String agencyId = scenario.agency("HOUSING");
        String leaving = scenario.agency("HEALTH");
        withdraw(agencyId, "2010-01-31");
        signAgain(agencyId, "2012-06-01");
        withdraw(leaving, "2011-03-15");
        Credentials trust = scenario.user(scenario.agency("OTHER"), "TRUST_REVIEWER");

        driver.get(base() + "/login");
        signIn(trust);
        driver.findElement(By.linkText("Register")).click();
        wait.until(ExpectedConditions.urlContains("/register"));
        chromium.assertAccessible("the register today");

        choose("asOf", "2011-07-01");
        driver.findElement(By.id("show-register")).click();
        wait.until(ExpectedConditions.urlContains("asOf=2011-07-01"));
        assertThat(driver.findElements(By.id("signatory-" + agencyId))).isEmpty();
        choose("asOf", "2013-07-01");
        driver.findElement(By.id("show-register")).click();
        wait.until(ExpectedConditions.urlContains("asOf=2013-07-01"));
        assertThat(driver.findElement(By.id("signatory-" + agencyId)).getText()).contains("2012-06-01");
        chromium.assertAccessible("the register on a day");
        chromium.screenshot("register.png");

        driver.findElement(By.id("changes-link")).click();
        wait.until(ExpectedConditions.urlContains("/register/changes"));
        choose("from", "2011-01-01");
        choose("to", "2012-12-31");
        driver.findElement(By.id("show-changes")).click();
        wait.until(ExpectedConditions.urlContains("to=2012-12-31"));
        assertThat(driver.findElement(By.id("joined-" + agencyId)).getText()).contains("2012-06-01");
        assertThat(driver.findElement(By.id("withdrawn-" + leaving)).getText()).contains("2011-03-15");
        chromium.assertAccessible("the changes between two dates");
        chromium.screenshot("register-changes.png");

        driver.get(base() + "/register?asOf=not-a-date");
        chromium.assertAccessible("a date that is no date");
        driver.get(base() + "/account");
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));

        signIn(Scenario.ADMIN);
        driver.get(base() + "/admin/agencies/" + leaving);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signature-form")));
        chromium.assertAccessible("a withdrawn agency");
        choose("signedAgainOn", "2011-03-14");
        driver.findElement(By.id("signature-version")).clear();
        driver.findElement(By.id("sign-again")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElements(By.cssSelector("#error-summary li"))).hasSize(1);
        chromium.assertAccessible("the sign-again form with a problem");
        driver.findElement(By.cssSelector("#error-summary a[href='#signature-version']"))
                .click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("signature-version");
        driver.switchTo().activeElement().sendKeys("2013.1", Keys.ENTER);
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#error-summary a[href='#signedAgainOn']")));
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("before the agency withdrew");
        chromium.assertAccessible("the sign-again form dated before the withdrawal");
        choose("signedAgainOn", "2012-09-01");
        driver.findElement(By.id("signature-version")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(driver.findElement(By.id("agency-status")).getText()).isEqualTo("Signed");
        assertThat(driver.findElement(By.id("agency-code-version")).getText()).contains("2013.1");
        chromium.assertAccessible("an agency signed again");
        chromium.screenshot("admin-agency-signed-again.png");
    }

    /** A date field, filled as a browser's date picker fills it (its value is always YYYY-MM-DD). */
    private void choose(String id, String date) {
        WebElement field = driver.findElement(By.id(id));
        driver.executeScript("arguments[0].value = arguments[1];", field, date);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(Credentials credentials) {
        driver.findElement(By.id("username")).sendKeys(credentials.username());
        driver.findElement(By.id("password")).sendKeys(credentials.password(), Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void withdraw(String agencyId, String withdrawnOn) {
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/withdrawal",
                                Map.of("withdrawnOn", withdrawnOn, "reason", "Service ended"))
                        .status())
                .isEqualTo(200);
    }

    private void signAgain(String agencyId, String signedOn) {
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/signature",
                                Map.of("signedOn", signedOn, "codeOfPracticeVersion", "2012.1"))
                        .status())
                .isEqualTo(200);
    }
}
