package org.sharingledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an administrator does on the signatories' and users' pages, by clicks and keys, for the browser tests: each
 * method starts on the page that holds its form and ends on the new agency's or user's own page.
 */
public final class AdministratorClicks {

    private final WebDriver driver;
    private final WebDriverWait wait;

    public AdministratorClicks(WebDriver driver, WebDriverWait wait) {
        this.driver = driver;
        this.wait = wait;
    }

    /** The password {@link #create} gives a user. */
    public static String initialPassword(String username) {
        return "initial-password-" + username;
    }

    /** Signs an agency through the form on /admin/agencies; its id. */
    public String sign(String name, String sector, String representative) {
        String agencyId = Scenario.unique(sector.toLowerCase(Locale.ROOT).replace('_', '-'));
        driver.findElement(By.id("agencyId")).clear();
        driver.findElement(By.id("agencyId")).sendKeys(agencyId);
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("sector"))).selectByValue(sector);
        driver.findElement(By.id("localDeliveryArea")).sendKeys("Ashcombe Vale");
        driver.findElement(By.id("representativeName")).sendKeys(representative);
        driver.findElement(By.id("representativeEmail"))
                .sendKeys(representative.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org");
        WebElement signedOn = driver.findElement(By.id("signedOn"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2009-03-31';", signedOn);
        driver.findElement(By.id("codeOfPracticeVersion")).sendKeys("2009.1");
        driver.findElement(By.id("sign-agency")).click();
        wait.until(ExpectedConditions.urlContains("/admin/agencies/" + agencyId));
        assertThat(text(By.id("confirmation"))).isEqualTo(name + " has signed the Code of Practice.");
        assertThat(text(By.id("agency-name"))).isEqualTo(name);
        return agencyId;
    }

    /** Creates a user of an agency through the form on /admin/users; their credentials. */
    public Http.Credentials create(String displayName, String agencyName, String role) {
        String username = Scenario.unique(displayName.toLowerCase(Locale.ROOT).replace(' ', '.'));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("displayName")).sendKeys(displayName);
        new Select(driver.findElement(By.id("agencyId"))).selectByVisibleText(agencyName);
        driver.findElement(By.cssSelector("input[name='roles'][value='" + role + "']"))
                .click();
        driver.findElement(By.id("password")).sendKeys(initialPassword(username));
        driver.findElement(By.id("create-user")).click();
        wait.until(ExpectedConditions.urlContains("/admin/users/" + username));
        assertThat(text(By.id("confirmation"))).startsWith("The account " + username + " is created");
        assertThat(text(By.id("user-agency"))).isEqualTo(agencyName);
        return new Http.Credentials(username, initialPassword(username));
    }

    private String text(By by) {
        return driver.findElement(by).getText().replace('\u00A0', ' ').strip();
    }
}
