package org.sharingledger.projections.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sharingledger.support.ChromiumBrowser;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * The register on any day, its changes between two dates, and an administrator recording that a withdrawn agency
 * signed again, in a real Chromium; every page, error states too, passes axe-core's WCAG 2.2 AA rules. Screenshots go
 * to {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class RegisterBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void theTrustReadsTheRegisterOnADayAndItsChangesAndAnAdministratorSignsAnAgencyAgain() throws IOException {
        String agencyId = scenario.agency("HOUSING");
        String leaving = scenario.agency("HEALTH");
        withdraw(agencyId, "2010-01-31");
        signAgain(agencyId, "2012-06-01");
        withdraw(leaving, "2011-03-15");
        Credentials trust = scenario.user(scenario.agency("OTHER"), "TRUST_REVIEWER");

        browser.open(base() + "/login");
        browser.signIn(trust);
        browser.find(By.linkText("Register")).click();
        browser.until(ExpectedConditions.urlContains("/register"));
        browser.assertAccessible("the register today");

        choose("asOf", "2011-07-01");
        browser.find(By.id("show-register")).click();
        browser.until(ExpectedConditions.urlContains("asOf=2011-07-01"));
        assertThat(browser.findAll(By.id("signatory-" + agencyId))).isEmpty();
        choose("asOf", "2013-07-01");
        browser.find(By.id("show-register")).click();
        browser.until(ExpectedConditions.urlContains("asOf=2013-07-01"));
        assertThat(browser.find(By.id("signatory-" + agencyId)).getText()).contains("2012-06-01");
        browser.assertAccessible("the register on a day");
        browser.screenshot("register.png");

        browser.find(By.id("changes-link")).click();
        browser.until(ExpectedConditions.urlContains("/register/changes"));
        choose("from", "2011-01-01");
        choose("to", "2012-12-31");
        browser.find(By.id("show-changes")).click();
        browser.until(ExpectedConditions.urlContains("to=2012-12-31"));
        assertThat(browser.find(By.id("joined-" + agencyId)).getText()).contains("2012-06-01");
        assertThat(browser.find(By.id("withdrawn-" + leaving)).getText()).contains("2011-03-15");
        browser.assertAccessible("the changes between two dates");
        browser.screenshot("register-changes.png");

        browser.open(base() + "/register?asOf=not-a-date");
        browser.assertAccessible("a date that is no date");
        browser.open(base() + "/account");
        browser.find(By.id("sign-out")).click();
        browser.until(ExpectedConditions.urlContains("/login?logout"));

        browser.signIn(Scenario.ADMIN);
        browser.open(base() + "/admin/agencies/" + leaving);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("signature-form")));
        browser.assertAccessible("a withdrawn agency");
        choose("signedAgainOn", "2011-03-14");
        browser.find(By.id("signature-version")).clear();
        browser.find(By.id("sign-again")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.findAll(By.cssSelector("#error-summary li"))).hasSize(1);
        browser.assertAccessible("the sign-again form with a problem");
        browser.find(By.cssSelector("#error-summary a[href='#signature-version']"))
                .click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("signature-version");
        browser.focused().sendKeys("2013.1", Keys.ENTER);
        browser.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#error-summary a[href='#signedAgainOn']")));
        assertThat(browser.find(By.id("error-summary")).getText()).contains("before the agency withdrew");
        browser.assertAccessible("the sign-again form dated before the withdrawal");
        choose("signedAgainOn", "2012-09-01");
        browser.find(By.id("signature-version")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.find(By.id("agency-status")).getText()).isEqualTo("Signed");
        assertThat(browser.find(By.id("agency-code-version")).getText()).contains("2013.1");
        browser.assertAccessible("an agency signed again");
        browser.screenshot("admin-agency-signed-again.png");
    }

    /** A date field, filled as a browser's date picker fills it (its value is always YYYY-MM-DD). */
    private void choose(String id, String date) {
        WebElement field = browser.find(By.id(id));
        browser.driver().executeScript("arguments[0].value = arguments[1];", field, date);
    }

    private String base() {
        return "http://localhost:" + port;
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
