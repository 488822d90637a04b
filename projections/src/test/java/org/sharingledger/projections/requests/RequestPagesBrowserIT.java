package org.sharingledger.projections.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sharingledger.support.AdministratorClicks;
import org.sharingledger.support.Chromium;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * The practitioners' request pages in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven
 * by Selenium; never downloaded), one request from start to an upheld refusal: a school's practitioner asks the
 * police, the police see it due on their work list and refuse with a reason, the school escalates, and the police's
 * nominated representative upholds the refusal. Every page on the way, and the form with its error summary, is
 * checked with axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) and must have no violation; the screenshots go to
 * {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class RequestPagesBrowserIT extends IntegrationTest {

    /** axe-core's own build (MPL-2.0), kept beside the tests: nothing is fetched while they run. */
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

    @BeforeEach
    void freshBrowser() {
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    void anAdministratorSignsTwoAgenciesAndTheirRequestRunsThroughToTheTrust() throws IOException {
        // An administrator signs the two agencies and creates their users, by clicks and keys.
        signIn(Scenario.ADMIN);
        driver.findElement(By.linkText("Signatories")).click();
        wait.until(ExpectedConditions.urlContains("/admin/agencies"));
        AdministratorClicks admin = new AdministratorClicks(driver, wait);
        admin.sign("Brackenmoor Primary School", "EDUCATION", "Bea Brackenmoor");
        driver.findElement(By.linkText("All signatories")).click();
        String police = admin.sign("Saltmead Constabulary", "POLICE", "Sol Saltmead");
        driver.findElement(By.linkText("Users")).click();
        wait.until(ExpectedConditions.urlContains("/admin/users"));
        Credentials teacher = admin.create("Tamsin Teacher", "Brackenmoor Primary School", "PRACTITIONER");
        driver.findElement(By.linkText("All users")).click();
        Credentials officer = admin.create("Orla Officer", "Saltmead Constabulary", "PRACTITIONER");
        driver.findElement(By.linkText("All users")).click();
        Credentials representative = admin.create("Sol Saltmead", "Saltmead Constabulary", "NOMINATED_REPRESENTATIVE");
        signOut();

        // The school's practitioner starts at the work list and makes a request, first with problems.
        signIn(teacher);
        wait.until(ExpectedConditions.urlContains("/requests"));
        chromium.assertAccessible("the work list, empty");
        driver.findElement(By.id("make-request")).click();
        wait.until(ExpectedConditions.urlContains("/requests/new"));
        assertThat(text(By.id("golden-rules"))).contains("information-sharing guidance");
        chromium.assertAccessible("the request form");
        new Select(driver.findElement(By.id("holdingAgencyId"))).selectByVisibleText("Saltmead Constabulary");
        driver.findElement(By.id("nhsNumber")).sendKeys("943 476 5918");
        driver.findElement(By.id("send-request")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(text(By.id("nhsNumber-error")))
                .isEqualTo("Enter a valid NHS number: 10 digits with a correct check digit");
        assertThat(driver.findElement(By.id("nhsNumber")).getAttribute("value")).isEqualTo("943 476 5918");
        chromium.assertAccessible("the request form with its error summary");
        chromium.screenshot("request-form-errors.png");

        driver.findElement(By.cssSelector("#error-summary a[href='#purpose']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id"))
                .as("the summary's link takes the focus to its field")
                .isEqualTo("purpose");
        WebElement nhsNumber = driver.findElement(By.id("nhsNumber"));
        nhsNumber.clear();
        nhsNumber.sendKeys(Scenario.NHS_NUMBER);
        driver.findElement(By.id("name")).sendKeys("Jamie Example");
        driver.findElement(By.id("caseReference")).sendKeys("HS-2026-17");
        new Select(driver.findElement(By.id("purpose"))).selectByValue("CHILD_PROTECTION_ENQUIRY");
        driver.findElement(By.id("purposeDetail")).sendKeys("A disclosure at school; section 47 enquiry under way");
        new Select(driver.findElement(By.id("lawfulBasis"))).selectByValue("PUBLIC_TASK");
        driver.findElement(By.id("consentStatus-NOT_SOUGHT")).click();
        driver.findElement(By.id("consentDetail")).sendKeys("Asking the family could put the child at risk");
        driver.findElement(By.id("informationSought"))
                .sendKeys("Police call-outs to the child's home in the last 12 months");
        driver.findElement(By.id("urgency-URGENT")).click();
        chromium.screenshot("request-form.png");
        driver.findElement(By.id("send-request")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        String requestPage = driver.getCurrentUrl();
        assertThat(text(By.id("confirmation"))).startsWith("Your request has been sent to Saltmead Constabulary");
        assertThat(text(By.id("request-status"))).isEqualTo("Awaiting decision");
        assertThat(text(By.id("child-name"))).isEqualTo("Jamie Example");
        chromium.assertAccessible("the new request");
        signOut();

        // The police see it due on their work list, and refuse it with a reason.
        signIn(officer);
        wait.until(ExpectedConditions.urlContains("/requests"));
        WebElement row = driver.findElement(By.cssSelector("#awaiting-table tbody tr"));
        assertThat(row.getText())
                .contains("Brackenmoor Primary School")
                .contains("HS-2026-17")
                .contains("On time");
        chromium.assertAccessible("the holder's work list");
        chromium.screenshot("work-list.png");
        row.findElement(By.linkText("HS-2026-17")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refuse-form")));
        assertThat(text(By.id("child-nhs-number"))).isEqualTo("943 476 5919");
        chromium.assertAccessible("the request, awaiting the holder's decision");
        chromium.screenshot("request-to-decide.png");
        new Select(driver.findElement(By.id("refuse-reason"))).selectByValue("WOULD_PREJUDICE_INVESTIGATION");
        driver.findElement(By.id("refuse-rationale"))
                .sendKeys("An investigation into the household is under way; disclosure now would harm it");
        driver.findElement(By.id("refuse")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(text(By.id("request-status"))).isEqualTo("Refused");
        chromium.assertAccessible("the request, refused");
        signOut();

        // The school escalates to the police's nominated representative.
        signIn(teacher);
        driver.get(requestPage);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("escalate-form")));
        driver.findElement(By.id("escalate-stage-NOMINATED_REPRESENTATIVE")).click();
        driver.findElement(By.id("escalate-reason"))
                .sendKeys("The child disclosed harm at home; the school needs to know of police involvement");
        driver.findElement(By.id("escalate")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(text(By.id("request-status"))).isEqualTo("Escalated, not yet resolved");
        chromium.assertAccessible("the request, escalated");
        signOut();

        // The police's nominated representative finds it on the work list and upholds the refusal.
        signIn(representative);
        wait.until(ExpectedConditions.urlContains("/requests"));
        WebElement escalation = driver.findElement(By.cssSelector("#escalations-table tbody tr"));
        assertThat(escalation.getText()).contains("Brackenmoor Primary School").contains("Nominated representative");
        chromium.assertAccessible("the representative's work list");
        escalation.findElement(By.linkText("HS-2026-17")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resolve-form")));
        driver.findElement(By.id("resolve-outcome-REFUSAL_UPHELD")).click();
        driver.findElement(By.id("resolve-rationale"))
                .sendKeys("The investigation still outweighs the school's need; review in a month");
        driver.findElement(By.id("resolve")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(text(By.id("confirmation"))).contains("the refusal is upheld");
        assertThat(text(By.id("request-status"))).isEqualTo("Refusal upheld");
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(4);
        chromium.assertAccessible("the request, its refusal upheld");
        chromium.screenshot("request-upheld.png");
        signOut();

        // The school escalates once more, to the safeguarding partnership, the last stage.
        signIn(teacher);
        driver.get(requestPage);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("escalate-form")));
        assertThat(driver.findElements(By.id("escalate-stage-NOMINATED_REPRESENTATIVE")))
                .as("only a stage later than the one that upheld the refusal is offered")
                .isEmpty();
        driver.findElement(By.id("escalate-stage-SAFEGUARDING_PARTNERSHIP")).click();
        driver.findElement(By.id("escalate-reason"))
                .sendKeys("The school still holds the disclosure; the partnership should weigh both needs");
        driver.findElement(By.id("escalate")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(text(By.id("request-status"))).isEqualTo("Escalated, not yet resolved");
        signOut();

        // The Children's Trust finds it among the escalations it resolves, and shares after all.
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        signIn(trust);
        driver.get("http://localhost:" + port + "/requests");
        WebElement atTheTrust = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='escalations-table']//tr[contains(., 'HS-2026-17')]")));
        assertThat(atTheTrust.getText()).contains("Safeguarding partnership");
        chromium.assertAccessible("the Trust's work list");
        atTheTrust.findElement(By.linkText("HS-2026-17")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resolve-form")));
        driver.findElement(By.id("resolve-outcome")).click(); // the first choice, SHARED, has the bare id
        driver.findElement(By.id("resolve-rationale"))
                .sendKeys("The child's safety now outweighs the risk to the investigation");
        driver.findElement(By.id("resolve-informationShared")).sendKeys("The dates of two call-outs in 2026");
        new Select(driver.findElement(By.id("resolve-method"))).selectByValue("SECURE_EMAIL");
        driver.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(text(By.id("request-status"))).isEqualTo("Shared after escalation");
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(6);
        chromium.assertAccessible("the request, shared after escalation");
        signOut();

        // The police's dashboard counts the refusal and how both escalations against it ended.
        signIn(representative);
        String dashboard = "http://localhost:" + port + "/dashboard/" + police;
        driver.get(dashboard);
        wait.until(browser -> {
            browser.navigate().refresh();
            return text(By.id("holder-escalations-SHARED")).equals("1");
        });
        assertThat(text(By.id("holder-refused"))).isEqualTo("1");
        assertThat(text(By.id("holder-escalations-REFUSAL_UPHELD"))).isEqualTo("1");
        assertThat(text(By.id("holder-escalations-OPEN"))).isEqualTo("0");
        chromium.assertAccessible("the police's dashboard after the story");
        signOut();
    }

    // --- the browser ---

    private void signIn(Credentials credentials) {
        driver.get("http://localhost:" + port + "/login");
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
