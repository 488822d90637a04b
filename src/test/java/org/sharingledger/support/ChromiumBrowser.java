package org.sharingledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sharingledger.support.Http.Credentials;

/**
 * The one Chromium of a browser test class, as a JUnit extension: started before the class's first test, closed after
 * its last, and before each test a fresh start (no cookies, the 1366 by 900 window, a new 15-second wait). A browser
 * test registers it with {@code @RegisterExtension static final ChromiumBrowser browser = new ChromiumBrowser();} and
 * keeps only its own steps; the steps every page test takes (signing in and out, reading a text, axe-core's checks,
 * screenshots) are here.
 */
public final class ChromiumBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private static final Dimension WINDOW = new Dimension(1366, 900);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private Chromium chromium;
    private WebDriverWait wait;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chromium = Chromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ChromeDriver driver = driver();
        wait = new WebDriverWait(driver, WAIT);
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(WINDOW);
    }

    public ChromeDriver driver() {
        assertThat(chromium).as("Chromium, started before the class's tests").isNotNull();
        return chromium.driver();
    }

    /** Goes to the address, as a person typing it. */
    public void open(String url) {
        driver().get(url);
    }

    public WebElement find(By by) {
        return driver().findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver().findElements(by);
    }

    /** The element that has the focus. */
    public WebElement focused() {
        return driver().switchTo().activeElement();
    }

    /** This test's wait: 15 seconds at most. */
    public WebDriverWait await() {
        return wait;
    }

    /** Waits, 15 seconds at most, until the condition holds (is neither null nor false), and gives its value. */
    public <T> T until(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Signs in through the form on the page at hand, and waits to leave the sign-in page. */
    public void signIn(Credentials credentials) {
        ChromeDriver driver = driver();
        driver.findElement(By.id("username")).sendKeys(credentials.username());
        driver.findElement(By.id("password")).sendKeys(credentials.password(), Keys.ENTER);
        until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Signs out with the page's button, and waits for the sign-in page that says so. */
    public void signOut() {
        find(By.id("sign-out")).click();
        until(ExpectedConditions.urlContains("/login?logout"));
    }

    /** The element's text as a person reads it: no-break spaces as spaces, no space around. */
    public String text(By by) {
        return find(by).getText().replace('\u00A0', ' ').strip();
    }

    /** axe-core's WCAG 2.2 A and AA rules find nothing on the page as it stands (and did check something). */
    public void assertAccessible(String page) {
        chromium.assertAccessible(page);
    }

    /** The whole page, into target/screenshots (or {@code -Dledger.screenshots}). */
    public void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
