package org.sharingledger.projections.accounts;

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
import org.sharingledger.support.AdministratorClicks;
import org.sharingledger.support.Chromium;
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
    void anAdministratorSignsTwoAgenciesAndCreatesTheirUsersByClicksAndKeys() throws IOException {
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1366, 900));

        driver.get(base() + "/login");
        signIn(Scenario.ADMIN);
        driver.findElement(By.linkText("Signatories")).click();
        wait.until(ExpectedConditions.urlContains("/admin/agencies"));
        chromium.assertAccessible("the signatories");

        // A form sent with mistakes: every problem listed, linked to its field, the entries kept.
        driver.findElement(By.id("agencyId")).sendKeys("Not An Id");
        driver.findElement(By.id("sign-agency")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElement(By.id("agencyId")).getAttribute("value")).isEqualTo("Not An Id");
        assertThat(driver.findElements(By.cssSelector("#error-summary li"))).hasSizeGreaterThanOrEqualTo(5);
        chromium.assertAccessible("the signatories with problems");
        chromium.screenshot("admin-agencies-problems.png");
        driver.findElement(By.cssSelector("#error-summary a[href='#name']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("name");

        AdministratorClicks admin = new AdministratorClicks(driver, wait);
        String school = admin.sign("Hilltop School", "EDUCATION", "Hal Hilltop");
        chromium.assertAccessible("one signatory");
        chromium.screenshot("admin-agency.png");
        driver.findElement(By.linkText("All signatories")).click();
        String police = admin.sign("Lowmarsh Constabulary", "POLICE", "Pat Lowmarsh");
        driver.findElement(By.linkText("All signatories")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agency-" + school)));
        assertThat(driver.findElement(By.id("agency-" + police)).getText()).contains("Lowmarsh Constabulary");
        chromium.screenshot("admin-agencies.png");

        driver.findElement(By.linkText("Users")).click();
        wait.until(ExpectedConditions.urlContains("/admin/users"));
        chromium.assertAccessible("the users");
        Credentials teacher = admin.create("Tess Teacher", "Hilltop School", "PRACTITIONER");
        chromium.assertAccessible("one user");
        chromium.screenshot("admin-user.png");
        driver.findElement(By.linkText("All users")).click();
        Credentials officer = admin.create("Owen Officer", "Lowmarsh Constabulary", "NOMINATED_REPRESENTATIVE");
        driver.findElement(By.linkText("All users")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-" + officer.username())));
        assertThat(driver.findElement(By.id("user-" + teacher.username())).getText())
                .contains("Hilltop School");
        chromium.screenshot("admin-users.png");

        driver.findElement(By.linkText("Your account")).click();
        wait.until(ExpectedConditions.urlContains("/account"));
        chromium.assertAccessible("the administrator's account");
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));

        // The new user signs in and issues a token, shown once.
        signIn(teacher);
        driver.findElement(By.linkText("Your account")).click();
        wait.until(ExpectedConditions.urlContains("/account"));
        assertThat(driver.findElements(By.linkText("Users"))).isEmpty();
        driver.findElement(By.id("tokenName")).sendKeys("School information system");
        driver.findElement(By.id("validDays")).sendKeys("30", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-value")));
        assertThat(text(By.id("issued-token"))).contains("it will not be shown again");
        chromium.assertAccessible("a token just issued");
        chromium.screenshot("account-token.png");
        driver.findElement(By.id("currentPassword")).sendKeys("wrong password!", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElements(By.id("token-value"))).isEmpty();
        chromium.assertAccessible("the account with problems");
        chromium.screenshot("account.png");
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
