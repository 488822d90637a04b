package org.sharingledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, for the browser tests: started once per test class with a profile of its own, never
 * downloading anything; axe-core's WCAG checks on the page as it stands; and whole-page screenshots.
 */
public final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("ledger.screenshots", "target/screenshots"));
    /** axe-core's script, from the jar of Deque's axe-core for Selenium (a test dependency). */
    private static final String AXE = "/axe.min.js";
    /** WCAG 2.0 to 2.2, levels A and AA. */
    private static final List<String> WCAG_22_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private final ChromeDriver driver;
    private final Path profile;
    private String axe;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Chromium and its driver from Debian's packages (the test fails, saying so, when they are missing). */
    public static Chromium start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser tests need Debian's chromium and chromium-driver: "
                        + "apt-get install -y chromium chromium-driver")
                .isTrue();
        Path profile = Files.createTempDirectory("ledger-chromium-");
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
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Chromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** axe-core's WCAG 2.2 A and AA rules find nothing on the page as it stands (and did check something). */
    public void assertAccessible(String page) {
        driver.executeScript(axe());
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                        + ".then(r => done({passes: r.passes.length, violations: JSON.stringify(r.violations.map("
                        + "v => ({id: v.id, impact: v.impact, help: v.help, "
                        + "nodes: v.nodes.map(n => n.target.join(' '))})))}))"
                        + ".catch(e => done({passes: 0, violations: 'axe failed: ' + e}));",
                WCAG_22_AA);
        assertThat(result).isInstanceOf(Map.class);
        Map<?, ?> outcome = (Map<?, ?>) result;
        assertThat(outcome.get("violations"))
                .as("axe-core's WCAG 2.2 AA violations on " + page)
                .isEqualTo("[]");
        assertThat(((Number) outcome.get("passes")).intValue())
                .as("rules axe-core checked on " + page)
                .isPositive();
    }

    /** The whole page, into target/screenshots (or {@code -Dledger.screenshots}). */
    public void screenshot(String name) throws IOException {
        WebDriver.Window window = driver.manage().window();
        Dimension before = window.getSize();
        try {
            // Grow the window until the viewport holds the whole page (the window's frame takes some of it).
            for (int attempt = 0; attempt < 3; attempt++) {
                long missing = ((Number) driver.executeScript(
                                "return document.documentElement.scrollHeight - window.innerHeight;"))
                        .longValue();
                if (missing <= 0) {
                    break;
                }
                window.setSize(new Dimension(
                        before.getWidth(), (int) Math.min(9000, window.getSize().getHeight() + missing)));
            }
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), png);
            assertThat(png.length).isGreaterThan(10_000);
        } finally {
            window.setSize(before);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile);
    }

    private String axe() {
        if (axe == null) {
            try (InputStream script = Chromium.class.getResourceAsStream(AXE)) {
                assertThat(script)
                        .as("axe-core, from the axe-core selenium jar")
                        .isNotNull();
                axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }
}
