package org.sharingledger.projections.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sharingledger.support.Chromium;
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
    void aCommissionerRecordsItsProvidersAndSeesAWithdrawalFlagged() throws IOException {
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1366, 900));
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

        driver.get(base() + "/login");
        signIn(councilRep);
        driver.findElement(By.linkText("Commissioned providers")).click();
        wait.until(ExpectedConditions.urlContains("/commissioned/" + council));
        assertThat(driver.findElement(By.id("providers-table")).getText())
                .contains("No provider is recorded as commissioned by this agency.");
        chromium.assertAccessible("no commissioned providers");

        // A mistake first: no provider chosen.
        driver.findElement(By.id("contractReference")).sendKeys("JCU-2009-041");
        driver.findElement(By.id("record-provider")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElement(By.id("contractReference")).getAttribute("value"))
                .isEqualTo("JCU-2009-041");
        chromium.assertAccessible("the provider form with a problem");
        driver.findElement(By.cssSelector("#error-summary a[href='#provider']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("provider");

        new Select(driver.findElement(By.id("provider"))).selectByValue(youthProject);
        driver.findElement(By.id("record-provider")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        new Select(driver.findElement(By.id("provider"))).selectByValue(playgroup);
        driver.findElement(By.id("contractReference")).sendKeys("JCU-2009-077", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-" + playgroup)));
        assertThat(driver.findElement(By.id("provider-" + youthProject)).getText())
                .contains("JCU-2009-041")
                .contains("Signed");
        chromium.assertAccessible("two commissioned providers");

        // The playgroup withdraws: the council's dashboard says so in words.
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + playgroup + "/withdrawal",
                                Map.of("withdrawnOn", "2009-06-01", "reason", "Playgroup closed"))
                        .status())
                .isEqualTo(200);
        driver.findElement(By.linkText("Your agency's dashboard")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("providers-withdrawn")));
        assertThat(driver.findElement(By.id("providers-withdrawn")).getText())
                .contains("Warning: 1 commissioned provider has withdrawn from the Code of Practice")
                .contains("Agency " + playgroup)
                .contains("1 June 2009");
        chromium.assertAccessible("the dashboard flagging a withdrawn provider");
        chromium.screenshot("commissioned-dashboard.png");

        driver.findElement(By.id("providers-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-status-" + playgroup)));
        assertThat(driver.findElement(By.id("provider-status-" + playgroup)).getText())
                .contains("Withdrawn on 2009-06-01");
        assertThat(driver.findElement(By.id("provider-current-" + playgroup)).getText())
                .isEqualTo("No: withdrawn");
        chromium.screenshot("commissioned-providers.png");
        driver.findElement(By.id("end-" + youthProject)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(driver.findElements(By.id("provider-" + youthProject))).isEmpty();
        chromium.assertAccessible("a provider's commissioning ended");

        // Another agency's provider cannot be taken over: said plainly.
        Map<String, Object> byOther = new HashMap<>();
        byOther.put("commissionedBy", other);
        byOther.put("contractReference", "H-1");
        assertThat(http.as(Scenario.ADMIN)
                        .put("/api/agencies/" + youthProject + "/commissioning", byOther)
                        .status())
                .isEqualTo(200);
        driver.navigate().refresh();
        new Select(driver.findElement(By.id("provider"))).selectByValue(youthProject);
        driver.findElement(By.id("record-provider")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
        chromium.assertAccessible("a provider another agency commissions");
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));

        // An administrator records who commissions an agency on its page.
        signIn(Scenario.ADMIN);
        driver.get(base() + "/admin/agencies/" + youthProject);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("commissioning-form")));
        assertThat(driver.findElement(By.id("agency-commissioned-by")).getText())
                .contains("Agency " + other);
        chromium.assertAccessible("an agency's page with its commissioner");
        new Select(driver.findElement(By.id("commissionedBy"))).selectByValue(council);
        WebDriverWaitClear.clear(driver.findElement(By.id("commissioning-contract")));
        driver.findElement(By.id("commissioning-contract")).sendKeys("JCU-2010-003");
        driver.findElement(By.id("record-commissioning")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(driver.findElement(By.id("agency-commissioned-by")).getText())
                .contains("Agency " + council)
                .contains("JCU-2010-003");
        chromium.assertAccessible("an agency's commissioner recorded");
        chromium.screenshot("admin-agency-commissioning.png");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void signIn(Credentials credentials) {
        driver.findElement(By.id("username")).sendKeys(credentials.username());
        driver.findElement(By.id("password")).sendKeys(credentials.password(), Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Empties a text field by keys, as a person would. */
    private static final class WebDriverWaitClear {
        static void clear(org.openqa.selenium.WebElement field) {
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        }
    }
}
