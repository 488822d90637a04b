package org.sharingledger.projections.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sharingledger.support.ChromiumBrowser;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * Commissioned providers in a real Chromium, by clicks and keys: a commissioner's nominated representative records
 * two providers (first with a mistake, to see the error summary), one of them withdraws and the dashboard flags it in
 * words, the representative ends the other's commissioning; an administrator records who commissions an agency on
 * its page. Every page passes axe-core's WCAG 2.2 A and AA rules. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class CommissioningBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void aCommissionerRecordsItsProvidersAndSeesAWithdrawalFlagged() throws IOException {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String youthProject = scenario.agency("VOLUNTARY_COMMUNITY");
        String playgroup = scenario.agency("EARLY_YEARS");
        String other = scenario.agency("HOUSING");
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(councilRep)
                                .get("/api/agencies/" + council + "/dashboard")
                                .status()
                        == 200);

        browser.open(base() + "/login");
        browser.signIn(councilRep);
        browser.find(By.linkText("Commissioned providers")).click();
        browser.until(ExpectedConditions.urlContains("/commissioned/" + council));
        assertThat(browser.find(By.id("providers-table")).getText())
                .contains("No provider is recorded as commissioned by this agency.");
        browser.assertAccessible("no commissioned providers");

        // A mistake first: no provider chosen.
        browser.find(By.id("contractReference")).sendKeys("JCU-2009-041");
        browser.find(By.id("record-provider")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.find(By.id("contractReference")).getAttribute("value"))
                .isEqualTo("JCU-2009-041");
        browser.assertAccessible("the provider form with a problem");
        browser.find(By.cssSelector("#error-summary a[href='#provider']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("provider");

        new Select(browser.find(By.id("provider"))).selectByValue(youthProject);
        browser.find(By.id("record-provider")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        new Select(browser.find(By.id("provider"))).selectByValue(playgroup);
        browser.find(By.id("contractReference")).sendKeys("JCU-2009-077", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-" + playgroup)));
        assertThat(browser.find(By.id("provider-" + youthProject)).getText())
                .contains("JCU-2009-041")
                .contains("Signed");
        browser.assertAccessible("two commissioned providers");

        // The playgroup withdraws: the council's dashboard says so in words.
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + playgroup + "/withdrawal",
                                Map.of("withdrawnOn", "2009-06-01", "reason", "Playgroup closed"))
                        .status())
                .isEqualTo(200);
        browser.find(By.linkText("Your agency's dashboard")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("providers-withdrawn")));
        assertThat(browser.find(By.id("providers-withdrawn")).getText())
                .contains("Warning: 1 commissioned provider has withdrawn from the Code of Practice")
                .contains("Agency " + playgroup)
                .contains("1 June 2009");
        browser.assertAccessible("the dashboard flagging a withdrawn provider");
        browser.screenshot("commissioned-dashboard.png");

        browser.find(By.id("providers-link")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-status-" + playgroup)));
        assertThat(browser.find(By.id("provider-status-" + playgroup)).getText())
                .contains("Withdrawn on 2009-06-01");
        assertThat(browser.find(By.id("provider-current-" + playgroup)).getText())
                .isEqualTo("No: withdrawn");
        browser.screenshot("commissioned-providers.png");
        browser.find(By.id("end-" + youthProject)).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.findAll(By.id("provider-" + youthProject))).isEmpty();
        browser.assertAccessible("a provider's commissioning ended");

        // Another agency's provider cannot be taken over: said plainly.
        Map<String, Object> byOther = new HashMap<>();
        byOther.put("commissionedBy", other);
        byOther.put("contractReference", "H-1");
        assertThat(http.as(Scenario.ADMIN)
                        .put("/api/agencies/" + youthProject + "/commissioning", byOther)
                        .status())
                .isEqualTo(200);
        browser.driver().navigate().refresh();
        new Select(browser.find(By.id("provider"))).selectByValue(youthProject);
        browser.find(By.id("record-provider")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
        browser.assertAccessible("a provider another agency commissions");
        browser.find(By.id("sign-out")).click();
        browser.until(ExpectedConditions.urlContains("/login?logout"));

        // An administrator records who commissions an agency on its page.
        browser.signIn(Scenario.ADMIN);
        browser.open(base() + "/admin/agencies/" + youthProject);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("commissioning-form")));
        assertThat(browser.find(By.id("agency-commissioned-by")).getText()).contains("Agency " + other);
        browser.assertAccessible("an agency's page with its commissioner");
        new Select(browser.find(By.id("commissionedBy"))).selectByValue(council);
        WebDriverWaitClear.clear(browser.find(By.id("commissioning-contract")));
        browser.find(By.id("commissioning-contract")).sendKeys("JCU-2010-003");
        browser.find(By.id("record-commissioning")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.find(By.id("agency-commissioned-by")).getText())
                .contains("Agency " + council)
                .contains("JCU-2010-003");
        browser.assertAccessible("an agency's commissioner recorded");
        browser.screenshot("admin-agency-commissioning.png");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Empties a text field by keys, as a person would. */
    private static final class WebDriverWaitClear {
        static void clear(org.openqa.selenium.WebElement field) {
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        }
    }
}
