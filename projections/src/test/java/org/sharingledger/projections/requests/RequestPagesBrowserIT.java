package org.sharingledger.projections.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sharingledger.support.AdministratorClicks;
import org.sharingledger.support.ChromiumBrowser;
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

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void anAdministratorSignsTwoAgenciesAndTheirRequestRunsThroughToTheTrust() throws IOException {
        // An administrator signs the two agencies and creates their users, by clicks and keys.
        signIn(Scenario.ADMIN);
        browser.find(By.linkText("Signatories")).click();
        browser.until(ExpectedConditions.urlContains("/admin/agencies"));
        AdministratorClicks admin = new AdministratorClicks(browser.driver(), browser.await());
        admin.sign("Brackenmoor Primary School", "EDUCATION", "Bea Brackenmoor");
        browser.find(By.linkText("All signatories")).click();
        String police = admin.sign("Saltmead Constabulary", "POLICE", "Sol Saltmead");
        browser.find(By.linkText("Users")).click();
        browser.until(ExpectedConditions.urlContains("/admin/users"));
        Credentials teacher = admin.create("Tamsin Teacher", "Brackenmoor Primary School", "PRACTITIONER");
        browser.find(By.linkText("All users")).click();
        Credentials officer = admin.create("Orla Officer", "Saltmead Constabulary", "PRACTITIONER");
        browser.find(By.linkText("All users")).click();
        Credentials representative = admin.create("Sol Saltmead", "Saltmead Constabulary", "NOMINATED_REPRESENTATIVE");
        browser.signOut();

        // The school's practitioner starts at the work list and makes a request, first with problems.
        signIn(teacher);
        browser.until(ExpectedConditions.urlContains("/requests"));
        browser.assertAccessible("the work list, empty");
        browser.find(By.id("make-request")).click();
        browser.until(ExpectedConditions.urlContains("/requests/new"));
        assertThat(browser.text(By.id("golden-rules"))).contains("information-sharing guidance");
        browser.assertAccessible("the request form");
        new Select(browser.find(By.id("holdingAgencyId"))).selectByVisibleText("Saltmead Constabulary");
        browser.find(By.id("nhsNumber")).sendKeys("943 476 5918");
        browser.find(By.id("send-request")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.text(By.id("nhsNumber-error")))
                .isEqualTo("Enter a valid NHS number: 10 digits with a correct check digit");
        assertThat(browser.find(By.id("nhsNumber")).getAttribute("value")).isEqualTo("943 476 5918");
        browser.assertAccessible("the request form with its error summary");
        browser.screenshot("request-form-errors.png");

        browser.find(By.cssSelector("#error-summary a[href='#purpose']")).click();
        assertThat(browser.focused().getAttribute("id"))
                .as("the summary's link takes the focus to its field")
                .isEqualTo("purpose");
        WebElement nhsNumber = browser.find(By.id("nhsNumber"));
        nhsNumber.clear();
        nhsNumber.sendKeys(Scenario.NHS_NUMBER);
        browser.find(By.id("name")).sendKeys("Jamie Example");
        browser.find(By.id("caseReference")).sendKeys("HS-2026-17");
        new Select(browser.find(By.id("purpose"))).selectByValue("CHILD_PROTECTION_ENQUIRY");
        browser.find(By.id("purposeDetail")).sendKeys("A disclosure at school; section 47 enquiry under way");
        new Select(browser.find(By.id("lawfulBasis"))).selectByValue("PUBLIC_TASK");
        browser.find(By.id("consentStatus-NOT_SOUGHT")).click();
        browser.find(By.id("consentDetail")).sendKeys("Asking the family could put the child at risk");
        browser.find(By.id("informationSought")).sendKeys("Police call-outs to the child's home in the last 12 months");
        browser.find(By.id("urgency-URGENT")).click();
        browser.screenshot("request-form.png");
        browser.find(By.id("send-request")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        String requestPage = browser.driver().getCurrentUrl();
        assertThat(browser.text(By.id("confirmation")))
                .startsWith("Your request has been sent to Saltmead Constabulary");
        assertThat(browser.text(By.id("request-status"))).isEqualTo("Awaiting decision");
        assertThat(browser.text(By.id("child-name"))).isEqualTo("Jamie Example");
        browser.assertAccessible("the new request");
        browser.signOut();

        // The police see it due on their work list, and refuse it with a reason.
        signIn(officer);
        browser.until(ExpectedConditions.urlContains("/requests"));
        WebElement row = browser.find(By.cssSelector("#awaiting-table tbody tr"));
        assertThat(row.getText())
                .contains("Brackenmoor Primary School")
                .contains("HS-2026-17")
                .contains("On time");
        browser.assertAccessible("the holder's work list");
        browser.screenshot("work-list.png");
        row.findElement(By.linkText("HS-2026-17")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("refuse-form")));
        assertThat(browser.text(By.id("child-nhs-number"))).isEqualTo("943 476 5919");
        browser.assertAccessible("the request, awaiting the holder's decision");
        browser.screenshot("request-to-decide.png");
        new Select(browser.find(By.id("refuse-reason"))).selectByValue("WOULD_PREJUDICE_INVESTIGATION");
        browser.find(By.id("refuse-rationale"))
                .sendKeys("An investigation into the household is under way; disclosure now would harm it");
        browser.find(By.id("refuse")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("request-status"))).isEqualTo("Refused");
        browser.assertAccessible("the request, refused");
        browser.signOut();

        // The school escalates to the police's nominated representative.
        signIn(teacher);
        browser.open(requestPage);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("escalate-form")));
        browser.find(By.id("escalate-stage-NOMINATED_REPRESENTATIVE")).click();
        browser.find(By.id("escalate-reason"))
                .sendKeys("The child disclosed harm at home; the school needs to know of police involvement");
        browser.find(By.id("escalate")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("request-status"))).isEqualTo("Escalated, not yet resolved");
        browser.assertAccessible("the request, escalated");
        browser.signOut();

        // The police's nominated representative finds it on the work list and upholds the refusal.
        signIn(representative);
        browser.until(ExpectedConditions.urlContains("/requests"));
        WebElement escalation = browser.find(By.cssSelector("#escalations-table tbody tr"));
        assertThat(escalation.getText()).contains("Brackenmoor Primary School").contains("Nominated representative");
        browser.assertAccessible("the representative's work list");
        escalation.findElement(By.linkText("HS-2026-17")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("resolve-form")));
        browser.find(By.id("resolve-outcome-REFUSAL_UPHELD")).click();
        browser.find(By.id("resolve-rationale"))
                .sendKeys("The investigation still outweighs the school's need; review in a month");
        browser.find(By.id("resolve")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("confirmation"))).contains("the refusal is upheld");
        assertThat(browser.text(By.id("request-status"))).isEqualTo("Refusal upheld");
        assertThat(browser.findAll(By.cssSelector("#history tbody tr"))).hasSize(4);
        browser.assertAccessible("the request, its refusal upheld");
        browser.screenshot("request-upheld.png");
        browser.signOut();

        // The school escalates once more, to the safeguarding partnership, the last stage.
        signIn(teacher);
        browser.open(requestPage);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("escalate-form")));
        assertThat(browser.findAll(By.id("escalate-stage-NOMINATED_REPRESENTATIVE")))
                .as("only a stage later than the one that upheld the refusal is offered")
                .isEmpty();
        browser.find(By.id("escalate-stage-SAFEGUARDING_PARTNERSHIP")).click();
        browser.find(By.id("escalate-reason"))
                .sendKeys("The school still holds the disclosure; the partnership should weigh both needs");
        browser.find(By.id("escalate")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("request-status"))).isEqualTo("Escalated, not yet resolved");
        browser.signOut();

        // The Children's Trust finds it among the escalations it resolves, and shares after all.
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        signIn(trust);
        browser.open("http://localhost:" + port + "/requests");
        WebElement atTheTrust = browser.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='escalations-table']//tr[contains(., 'HS-2026-17')]")));
        assertThat(atTheTrust.getText()).contains("Safeguarding partnership");
        browser.assertAccessible("the Trust's work list");
        atTheTrust.findElement(By.linkText("HS-2026-17")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("resolve-form")));
        browser.find(By.id("resolve-outcome")).click(); // the first choice, SHARED, has the bare id
        browser.find(By.id("resolve-rationale"))
                .sendKeys("The child's safety now outweighs the risk to the investigation");
        browser.find(By.id("resolve-informationShared")).sendKeys("The dates of two call-outs in 2026");
        new Select(browser.find(By.id("resolve-method"))).selectByValue("SECURE_EMAIL");
        browser.find(By.id("resolve")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("request-status"))).isEqualTo("Shared after escalation");
        assertThat(browser.findAll(By.cssSelector("#history tbody tr"))).hasSize(6);
        browser.assertAccessible("the request, shared after escalation");
        browser.signOut();

        // The police's dashboard counts the refusal and how both escalations against it ended.
        signIn(representative);
        String dashboard = "http://localhost:" + port + "/dashboard/" + police;
        browser.open(dashboard);
        browser.until(page -> {
            page.navigate().refresh();
            return browser.text(By.id("holder-escalations-SHARED")).equals("1");
        });
        assertThat(browser.text(By.id("holder-refused"))).isEqualTo("1");
        assertThat(browser.text(By.id("holder-escalations-REFUSAL_UPHELD"))).isEqualTo("1");
        assertThat(browser.text(By.id("holder-escalations-OPEN"))).isEqualTo("0");
        browser.assertAccessible("the police's dashboard after the story");
        browser.signOut();
    }

    // --- the browser ---

    /** Signs in from the sign-in page. */
    private void signIn(Credentials credentials) {
        browser.open("http://localhost:" + port + "/login");
        browser.signIn(credentials);
    }
}
