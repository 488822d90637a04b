package org.sharingledger.projections.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sharingledger.support.ChromiumBrowser;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;

/**
 * The training pages in a real Chromium, by clicks and keys: a nominated representative records an attendance (first
 * with mistakes), uploads a file with a bad line and then a good one, and reads the summary. Every page, its error
 * states too, passes axe-core's WCAG 2.2 A and AA rules. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class TrainingPagesBrowserIT extends IntegrationTest {

    private static final String HEADER =
            "agencyId,practitioner,username,course,completedOn,assessmentPassed,validUntil";

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    @Test
    void aRepresentativeRecordsAndUploadsItsAgencysTraining() throws IOException {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String day = LocalDate.now().minusDays(20).toString();

        browser.open(base() + "/login");
        browser.signIn(rep);
        browser.find(By.linkText("Training")).click();
        browser.until(ExpectedConditions.urlContains("/training"));
        browser.assertAccessible("the training page");

        browser.find(By.id("record-attendance")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        browser.assertAccessible("the training form with problems");
        browser.screenshot("training-problems.png");
        browser.find(By.cssSelector("#error-summary a[href='#practitioner']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("practitioner");

        browser.find(By.id("practitioner")).sendKeys("Sue Dsl");
        new Select(browser.find(By.id("course"))).selectByValue("MULTI_AGENCY_COURSE");
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1];", browser.find(By.id("completedOn")), day);
        browser.find(By.id("record-attendance")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("records"))).contains("Sue Dsl");
        browser.assertAccessible("the training page after recording");
        browser.screenshot("training.png");

        Path bad = Files.createTempFile("training-", ".csv");
        Files.writeString(bad, HEADER + "\n" + school + ",Bea Lowe,,FIRST_AID," + day + ",,\n", StandardCharsets.UTF_8);
        browser.find(By.id("upload-link")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
        browser.assertAccessible("the upload page");
        browser.find(By.id("file")).sendKeys(bad.toString());
        browser.find(By.id("upload")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.text(By.id("error-summary"))).contains("Line 2: course");
        browser.assertAccessible("the upload page with a bad line");
        browser.screenshot("training-upload-problems.png");

        Path good = Files.createTempFile("training-", ".csv");
        Files.writeString(
                good, HEADER + "\n" + school + ",Bea Lowe,,AGENCY_COURSE," + day + ",,\n", StandardCharsets.UTF_8);
        browser.find(By.id("file")).sendKeys(good.toString());
        browser.find(By.id("upload")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
        assertThat(browser.text(By.id("confirmation"))).contains("1 attendances imported");
        assertThat(browser.text(By.id("summary-people"))).startsWith("2");
        browser.assertAccessible("the training page after an upload");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
