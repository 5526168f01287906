package org.deeprounds.e2e;

import java.time.Duration;
import org.deeprounds.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the real-browser tests: one headless Chromium per class against the running app. */
@IntegrationTest
abstract class BrowserTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /**
     * Trains {@code template} on {@code dataset} as trainee1 through the API, with these overrides (JSON object
     * text), and returns the run's id once it has completed.
     */
    long completedRun(long dataset, String template, String overrides) throws InterruptedException {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var submitted = org.deeprounds.TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"" + template + "\", \"overrides\": " + overrides
                        + "}",
                org.deeprounds.TestUsers.TRAINEE);
        long id = json.readTree(submitted.body()).get("id").asLong();
        for (int i = 0; i < 1200; i++) {
            var status = json.readTree(
                            org.deeprounds.TestUsers.get(port, "/api/v1/runs/" + id, org.deeprounds.TestUsers.TRAINEE)
                                    .body())
                    .get("status")
                    .asString();
            if (status.equals("COMPLETED")) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not complete");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /**
     * Clicks the button with this text once it is there, looking again while the page re-renders (a button found a
     * moment before may have been replaced: a stale element).
     */
    void clickButton(String textPrefix) {
        waitUpTo(60)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    var button = d.findElements(By.tagName("vaadin-button")).stream()
                            .filter(b -> b.getText().startsWith(textPrefix))
                            .findFirst()
                            .orElse(null);
                    if (button == null) {
                        return false;
                    }
                    ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
                    button.click();
                    return true;
                });
    }

    /** Fills the login form (fresh session) and submits it; does not wait for the result. */
    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        waitUpTo(90)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    /** Signs in and waits for the home page. */
    void signInToHome(String username, String password) {
        signIn(username, password);
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
    }
}
