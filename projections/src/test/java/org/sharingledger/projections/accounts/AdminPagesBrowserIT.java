package org.sharingledger.projections.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sharingledger.support.AdministratorClicks;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.util.FileSystemUtils;

/**
 * The administrators' pages and the account page in a real Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, never downloaded): an administrator signs two agencies and creates a user for each, by
 * clicks and keys, then a new user signs in and issues a token. Every page, its error states too, passes axe-core's
 * WCAG 2.2 AA rules (axe-core from the jar of {@code com.deque.html.axe-core:selenium}). Screenshots go to
 * {@code target/screenshots}. Runs with {@code ./mvnw -B verify -Pbrowser}.
 */
class AdminPagesBrowserIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("ledger.screenshots", "target/screenshots"));
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static Path profile;
    private static ChromeDriver driver;
    private static String axe;

    private WebDriverWait wait;

    @BeforeAll
    static void startChromium() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser tests need Debian's chromium and chromium-driver: "
                        + "apt-get install -y chromium chromium-driver")
                .isTrue();
        try (InputStream source = AdminPagesBrowserIT.class.getResourceAsStream("/axe.min.js")) {
            assertThat(source).as("axe-core, from the axe-core selenium jar").isNotNull();
            axe = new String(source.readAllBytes(), StandardCharsets.UTF_8);
        }
        profile = Files.createTempDirectory("ledger-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1366,900",
                "--lang=en-GB",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
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
        assertAccessible("the signatories");

        // A form sent with mistakes: every problem listed, linked to its field, the entries kept.
        driver.findElement(By.id("agencyId")).sendKeys("Not An Id");
        driver.findElement(By.id("sign-agency")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElement(By.id("agencyId")).getAttribute("value")).isEqualTo("Not An Id");
        assertThat(driver.findElements(By.cssSelector("#error-summary li"))).hasSizeGreaterThanOrEqualTo(5);
        assertAccessible("the signatories with problems");
        screenshot("admin-agencies-problems.png");
        driver.findElement(By.cssSelector("#error-summary a[href='#name']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("name");

        AdministratorClicks admin = new AdministratorClicks(driver, wait);
        String school = admin.sign("Hilltop School", "EDUCATION", "Hal Hilltop");
        assertAccessible("one signatory");
        screenshot("admin-agency.png");
        driver.findElement(By.linkText("All signatories")).click();
        String police = admin.sign("Lowmarsh Constabulary", "POLICE", "Pat Lowmarsh");
        driver.findElement(By.linkText("All signatories")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agency-" + school)));
        assertThat(driver.findElement(By.id("agency-" + police)).getText()).contains("Lowmarsh Constabulary");
        screenshot("admin-agencies.png");

        driver.findElement(By.linkText("Users")).click();
        wait.until(ExpectedConditions.urlContains("/admin/users"));
        assertAccessible("the users");
        Credentials teacher = admin.create("Tess Teacher", "Hilltop School", "PRACTITIONER");
        assertAccessible("one user");
        screenshot("admin-user.png");
        driver.findElement(By.linkText("All users")).click();
        Credentials officer = admin.create("Owen Officer", "Lowmarsh Constabulary", "NOMINATED_REPRESENTATIVE");
        driver.findElement(By.linkText("All users")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-" + officer.username())));
        assertThat(driver.findElement(By.id("user-" + teacher.username())).getText())
                .contains("Hilltop School");
        screenshot("admin-users.png");

        driver.findElement(By.linkText("Your account")).click();
        wait.until(ExpectedConditions.urlContains("/account"));
        assertAccessible("the administrator's account");
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
        assertAccessible("a token just issued");
        screenshot("account-token.png");
        driver.findElement(By.id("currentPassword")).sendKeys("wrong password!", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElements(By.id("token-value"))).isEmpty();
        assertAccessible("the account with problems");
        screenshot("account.png");
    }

    /** axe-core's WCAG 2.2 A and AA rules find nothing on the page (and did check something). */
    private static void assertAccessible(String what) {
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                        + ".then(r => done({passes: r.passes.length, violations: JSON.stringify(r.violations.map("
                        + "v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))}))"
                        + ".catch(e => done({passes: 0, violations: 'axe failed: ' + e}));",
                WCAG_22_AA);
        assertThat(result).isInstanceOf(Map.class);
        Map<?, ?> outcome = (Map<?, ?>) result;
        assertThat(outcome.get("violations")).as("axe-core on " + what).isEqualTo("[]");
        assertThat(((Number) outcome.get("passes")).intValue())
                .as("rules axe-core checked on " + what)
                .isPositive();
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

    /** The whole page, into {@link #SCREENSHOTS}. */
    private static void screenshot(String name) throws IOException {
        WebDriver.Window window = driver.manage().window();
        Dimension before = window.getSize();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                long missing = ((Number) ((JavascriptExecutor) driver)
                                .executeScript("return document.documentElement.scrollHeight - window.innerHeight;"))
                        .longValue();
                if (missing <= 0) {
                    break;
                }
                window.setSize(new Dimension(
                        1366, (int) Math.min(9000, window.getSize().getHeight() + missing)));
            }
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), png);
            assertThat(png.length).isGreaterThan(10_000);
        } finally {
            window.setSize(before);
        }
    }
}
