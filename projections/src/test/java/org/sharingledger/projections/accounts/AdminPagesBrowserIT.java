package org.sharingledger.projections.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sharingledger.support.AdministratorClicks;
import org.sharingledger.support.ChromiumBrowser;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * The administrators' pages and the account page in a real Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, never downloaded): an administrator signs two agencies and creates a user for each, by
 * clicks and keys, then a new user signs in and issues a token. Every page, its error states too, passes axe-core's
 * WCAG 2.2 AA rules (axe-core from the jar of {@code com.deque.html.axe-core:selenium}). Screenshots go to
 * {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class AdminPagesBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void anAdministratorSignsTwoAgenciesAndCreatesTheirUsersByClicksAndKeys() throws IOException {

        browser.open(base() + "/login");
        browser.signIn(Scenario.ADMIN);
        browser.find(By.linkText("Signatories")).click();
        browser.until(ExpectedConditions.urlContains("/admin/agencies"));
        browser.assertAccessible("the signatories");

        // A form sent with mistakes: every problem listed, linked to its field, the entries kept.
        browser.find(By.id("agencyId")).sendKeys("Not An Id");
        browser.find(By.id("sign-agency")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.find(By.id("agencyId")).getAttribute("value")).isEqualTo("Not An Id");
        assertThat(browser.findAll(By.cssSelector("#error-summary li"))).hasSizeGreaterThanOrEqualTo(5);
        browser.assertAccessible("the signatories with problems");
        browser.screenshot("admin-agencies-problems.png");
        browser.find(By.cssSelector("#error-summary a[href='#name']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("name");

        AdministratorClicks admin = new AdministratorClicks(browser.driver(), browser.await());
        String school = admin.sign("Hilltop School", "EDUCATION", "Hal Hilltop");
        browser.assertAccessible("one signatory");
        browser.screenshot("admin-agency.png");
        browser.find(By.linkText("All signatories")).click();
        String police = admin.sign("Lowmarsh Constabulary", "POLICE", "Pat Lowmarsh");
        browser.find(By.linkText("All signatories")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("agency-" + school)));
        assertThat(browser.find(By.id("agency-" + police)).getText()).contains("Lowmarsh Constabulary");
        browser.screenshot("admin-agencies.png");

        browser.find(By.linkText("Users")).click();
        browser.until(ExpectedConditions.urlContains("/admin/users"));
        browser.assertAccessible("the users");
        Credentials teacher = admin.create("Tess Teacher", "Hilltop School", "PRACTITIONER");
        browser.assertAccessible("one user");
        browser.screenshot("admin-user.png");
        browser.find(By.linkText("All users")).click();
        Credentials officer = admin.create("Owen Officer", "Lowmarsh Constabulary", "NOMINATED_REPRESENTATIVE");
        browser.find(By.linkText("All users")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("user-" + officer.username())));
        assertThat(browser.find(By.id("user-" + teacher.username())).getText()).contains("Hilltop School");
        browser.screenshot("admin-users.png");

        browser.find(By.linkText("Read models")).click();
        browser.until(ExpectedConditions.urlContains("/admin/read-models"));
        assertThat(browser.find(By.id("read-model-dashboards")).getText()).contains("dashboards");
        browser.assertAccessible("the read models");

        browser.find(By.linkText("Your account")).click();
        browser.until(ExpectedConditions.urlContains("/account"));
        browser.assertAccessible("the administrator's account");
        browser.find(By.id("sign-out")).click();
        browser.until(ExpectedConditions.urlContains("/login?logout"));

        // The new user signs in and issues a token, shown once.
        browser.signIn(teacher);
        browser.find(By.linkText("Your account")).click();
        browser.until(ExpectedConditions.urlContains("/account"));
        assertThat(browser.findAll(By.linkText("Users"))).isEmpty();
        browser.find(By.id("tokenName")).sendKeys("School information system");
        browser.find(By.id("validDays")).sendKeys("30", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("token-value")));
        assertThat(browser.text(By.id("issued-token"))).contains("it will not be shown again");
        browser.assertAccessible("a token just issued");
        browser.screenshot("account-token.png");
        browser.find(By.id("currentPassword")).sendKeys("wrong password!", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.findAll(By.id("token-value"))).isEmpty();
        browser.assertAccessible("the account with problems");
        browser.screenshot("account.png");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
