package org.sharingledger.projections.reports;

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
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * The Trust's "Yearly report" page in a real Chromium: from the header's link, the default year, a period typed in
 * the GOV.UK date inputs, a bad date reached from the error summary; every state passes axe-core's WCAG 2.2 AA rules.
 * Screenshots go to {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class AnnualReportBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void theTrustChoosesAYearSeesItsFiguresAndCorrectsABadDateFromTheErrorSummary() throws IOException {
        String joined = Scenario.unique("report-browser");
        Map<String, Object> body = Scenario.agencyBody(joined, "VOLUNTARY_COMMUNITY");
        body.put("signedOn", "1997-05-01");
        Response signed = scenario.signAgency(body);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");

        browser.open(base() + "/login");
        browser.signIn(trust);
        browser.find(By.linkText("Yearly report")).click();
        browser.until(ExpectedConditions.urlContains("/reports/nominated-representatives"));
        assertThat(browser.find(By.id("from-month")).getAttribute("value")).isEqualTo("4");
        assertThat(browser.find(By.id("download-pdf")).getAttribute("href")).contains(".pdf?from=");
        browser.assertAccessible("the yearly report, last complete year");

        type("from", "1", "4", "1997");
        type("to", "31", "3", "1998");
        browser.find(By.id("show-report")).click();
        browser.until(ExpectedConditions.urlContains("toYear=1998"));
        assertThat(browser.find(By.id("figures-heading")).getText()).isEqualTo("1 April 1997 to 31 March 1998");
        assertThat(browser.find(By.id("joined-names")).getText()).contains("Agency " + joined);
        assertThat(browser.find(By.id("download-pdf")).getAttribute("href"))
                .endsWith("/reports/nominated-representatives.pdf?from=1997-04-01&to=1998-03-31");
        browser.assertAccessible("the yearly report for 1997-98");
        browser.screenshot("yearly-report.png");

        type("to", "31", "2", "1998");
        browser.find(By.id("from-day")).clear();
        browser.find(By.id("from-day")).sendKeys("30");
        browser.find(By.id("from-month")).clear();
        browser.find(By.id("from-month")).sendKeys("2", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.find(By.id("error-summary")).getText()).contains("must be a real date");
        assertThat(browser.findAll(By.id("download-pdf"))).isEmpty();
        browser.assertAccessible("the yearly report with a bad date");
        browser.find(By.cssSelector("#error-summary a[href='#from-day']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("from-day");
        assertThat(browser.focused().getAttribute("value")).isEqualTo("30");
    }

    /** Types a day, a month and a year into a GOV.UK date input. */
    private void type(String name, String day, String month, String year) {
        for (Map.Entry<String, String> box :
                Map.of("day", day, "month", month, "year", year).entrySet()) {
            WebElement field = browser.find(By.id(name + "-" + box.getKey()));
            field.clear();
            field.sendKeys(box.getValue());
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
