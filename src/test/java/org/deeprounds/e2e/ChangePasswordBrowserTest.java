package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.deeprounds.TestUsers;
import org.deeprounds.accounts.AccountDraft;
import org.deeprounds.accounts.AccountService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user given a temporary password is held on the change-password page at the first browser sign-in: every other
 * page leads back there until they choose their own, which must pass the password rules and differ from the temporary
 * one. The page fits a school laptop and a phone.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class ChangePasswordBrowserTest extends BrowserTest {

    @Autowired
    AccountService accounts;

    /** Hides BrowserTest's: this class starts at the laptop's size. */
    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(ScreenChecks.LAPTOP);
    }

    @Test
    void a_temporary_password_must_be_replaced_before_anything_else() throws Exception {
        var issued = TestUsers.as(
                "admin",
                "ADMIN",
                () -> accounts.create(new AccountDraft(
                        "casey-" + System.nanoTime() % 100_000, "Casey Change", null, Set.of("TRAINEE"), true)));
        signIn(issued.username(), issued.password());
        waitForChangePage();

        for (var screen : Map.of("laptop", ScreenChecks.LAPTOP, "phone", ScreenChecks.PHONE)
                .entrySet()) {
            ScreenChecks.viewport(driver, screen.getValue());
            Thread.sleep(500);
            var page = "change-password on a " + screen.getKey();
            ScreenChecks.assertNoHorizontalOverflow(driver, page);
            ScreenChecks.assertNothingCovered(driver, "body", page);
            HeadlessChromium.screenshot(driver, "change-password-" + screen.getKey());
        }
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);

        for (var elsewhere : new String[] {"/", "/datasets", "/account", "/train", "/login"}) {
            driver.get(url(elsewhere));
            waitForChangePage();
        }

        fill(issued.password(), issued.password(), issued.password());
        clickButton("Save and continue");
        waitUpTo(30).until(d -> error("new-password").contains("different from the temporary one"));
        fill(issued.password(), "short1", "short1");
        clickButton("Save and continue");
        waitUpTo(30).until(d -> error("new-password").contains("at least 10 characters"));
        HeadlessChromium.screenshot(driver, "change-password-refused");

        fill(issued.password(), "Casey-Own-Pass-9", "Casey-Own-Pass-9");
        clickButton("Save and continue");
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        assertThat(driver.getCurrentUrl()).doesNotContain("change-password");
        driver.get(url("/account"));
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-tokens")));
        createTokenOnTheAccountPage();

        signInToHome(issued.username(), "Casey-Own-Pass-9");
        assertThat(driver.getCurrentUrl()).doesNotContain("change-password");
        driver.manage().deleteAllCookies();
    }

    /** My account's token section at work, at both sizes, for a person to look at too. */
    private void createTokenOnTheAccountPage() throws Exception {
        type("token-name", "grading script");
        clickButton("Create token");
        var shown = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-token")));
        assertThat(shown.getText()).startsWith("drt_");
        HeadlessChromium.screenshot(driver, "account-token-shown-once");
        clickButton("Done");
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("api-tokens"), "grading script"));
        assertThat(driver.findElement(By.id("api-tokens")).getText())
                .contains(shown.getText().substring(0, 16))
                .doesNotContain(shown.getText().substring(17));
        for (var screen : Map.of("laptop", ScreenChecks.LAPTOP, "phone", ScreenChecks.PHONE)
                .entrySet()) {
            ScreenChecks.viewport(driver, screen.getValue());
            Thread.sleep(500);
            ScreenChecks.assertNoHorizontalOverflow(driver, "account page on a " + screen.getKey());
            HeadlessChromium.screenshot(driver, "account-tokens-" + screen.getKey());
        }
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
    }

    private void waitForChangePage() {
        waitUpTo(60).until(ExpectedConditions.urlContains("/change-password"));
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-password")));
    }

    private void fill(String current, String fresh, String repeat) {
        type("current-password", current);
        type("new-password", fresh);
        type("repeat-password", repeat);
    }

    private void type(String id, String text) {
        var input = driver.findElement(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    private String error(String id) {
        var field = driver.findElement(By.id(id));
        if (field.getDomAttribute("invalid") == null) {
            return "";
        }
        return field.findElement(By.cssSelector("[slot='error-message']")).getText();
    }
}
