package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real browser (Debian's headless Chromium) against the running app: a demo trainee signs in and sees their home
 * page; a wrong password shows the error. Skipped where Chromium is not installed (.ci/run installs it).
 */
// Conditions are not inherited from BrowserTest: skip here too where Chromium is missing.
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class BrowserLoginTest extends BrowserTest {

    @Test
    void a_demo_trainee_signs_in_and_sees_their_home_page() {
        signIn("trainee2", "Learn-Rounds-2026b");

        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        var welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        assertThat(welcome.getText()).isEqualTo("Welcome, Theo Trainee");
        assertThat(driver.findElement(By.id("trainee-home")).getText()).contains("Demo cohort");
        assertThat(driver.findElement(By.id("main-nav")).getText())
                .contains("Home")
                .doesNotContain("Users");
        driver.manage().deleteAllCookies();
    }

    @Test
    void signing_out_ends_the_session() {
        signIn("trainee1", "Learn-Rounds-2026a");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));

        driver.findElement(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
        wait.until(d -> d.findElements(By.tagName("vaadin-menu-bar-item")).stream()
                        .filter(item -> item.getText().equals("Sign out"))
                        .findFirst()
                        .orElse(null))
                .click();

        wait.until(ExpectedConditions.urlContains("/login"));
        driver.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElements(By.id("welcome"))).isEmpty();
    }

    @Test
    void a_wrong_password_shows_the_error_and_stays_on_the_login_page() {
        signIn("trainee2", "not-the-password");

        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("const f = document.querySelector('vaadin-login-form'); return !!(f && f.error);")));
        assertThat(driver.getCurrentUrl()).contains("/login?error");
        var title = ((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('vaadin-login-form').i18n.errorMessage.title;");
        assertThat(title).isEqualTo("Incorrect username or password");
        assertThat(driver.findElements(By.id("welcome"))).isEmpty();
    }

    @Test
    void an_administrator_signs_in_and_opens_the_administration_pages() throws Exception {
        signIn("admin", "Head-Of-Rounds-1");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-home")));
        HeadlessChromium.screenshot(driver, "admin-home");

        driver.get("http://localhost:" + port + "/admin/users");
        // Other tests add accounts to the shared context, so only the first rows are sure to be rendered.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "Administrator"));
        HeadlessChromium.screenshot(driver, "admin-users");

        driver.get("http://localhost:" + port + "/admin/system");
        var compute = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compute")));
        assertThat(compute.getText()).contains("CPU");
        HeadlessChromium.screenshot(driver, "admin-system");
        // The installation's nodes (here the one server, role "all") and the queue, on a laptop and on a phone.
        for (var screen : java.util.Map.of("laptop", ScreenChecks.LAPTOP, "phone", ScreenChecks.PHONE)
                .entrySet()) {
            ScreenChecks.viewport(driver, screen.getValue());
            driver.get("http://localhost:" + port + "/admin/system");
            var nodes = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nodes")));
            wait.until(d -> nodes.getText().contains("all"));
            assertThat(nodes.getText()).containsPattern("No run is waiting|waiting");
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", nodes);
            Thread.sleep(500);
            HeadlessChromium.screenshot(driver, "admin-system-nodes-" + screen.getKey());
            ScreenChecks.assertNoHorizontalOverflow(driver, "System page on a " + screen.getKey());
        }
        ScreenChecks.viewport(driver, new org.openqa.selenium.Dimension(1280, 1000));
        driver.manage().deleteAllCookies();
    }
}
