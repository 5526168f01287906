package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprounds.TestUsers;
import org.deeprounds.datasets.DatasetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trainee reads ten chest films of their run without the model, then with it, by clicking as a person does, and
 * finds their own point on the model's ROC curve; first on a laptop, the results also on a phone.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class ReaderStudyBrowserTest extends BrowserTest {

    @Autowired
    DatasetService datasets;

    @Test
    void a_trainee_completes_a_ten_case_study_on_films_and_sees_their_point_on_the_roc_chart() throws Exception {
        long films = org.deeprounds.TestUsers.as(
                "trainee1",
                "TRAINEE",
                () -> datasets.sampleId("pneumoniamnist-balanced").orElseThrow());
        long run = completedRun(films, "imaging-cnn", "{\"epochs\": 2, \"seed\": 4}");
        var locked = TestUsers.postJson(
                port, "/api/v1/runs/" + run + "/threshold", "{\"threshold\": 0.5}", TestUsers.TRAINEE);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);

        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        var wait = waitUpTo(60);
        signInToHome("trainee1", "Learn-Rounds-2026a");
        driver.get(url("/evaluation/" + run));
        var start = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start-reader-study")));
        click(start);

        // Round 1: ten films, each called and rated; a film with no call is refused with a reason.
        wait.until(d -> d.findElement(By.id("reader-progress"))
                .getDomProperty("textContent")
                .startsWith("Case 1 of 10"));
        assertThat(driver.findElement(By.tagName("h2")).getText()).contains("Round 1 of 2");
        assertThat(driver.findElements(By.id("model-advice")))
                .as("no model in the first round")
                .isEmpty();
        var film = driver.findElement(By.cssSelector("#reader-case img"));
        assertThat(film.getAttribute("src")).startsWith("data:image/png;base64,");
        HeadlessChromium.screenshot(driver, "reader-laptop-round-1");
        click(driver.findElement(By.id("reader-save")));
        wait.until(d -> d.findElement(By.id("reader-problem")).getText().equals("Choose a call first."));
        for (int k = 1; k <= 10; k++) {
            int n = k;
            wait.until(d -> d.findElement(By.id("reader-progress"))
                    .getDomProperty("textContent")
                    .startsWith("Case " + n + " of 10"));
            call(k % 3 == 0 ? 0 : 1, 1 + k % 5);
        }

        // Round 2: the same films, shuffled, with the model's probability; the first call is kept unless changed.
        wait.until(d -> d.findElement(By.tagName("h2")).getText().contains("Round 2 of 2"));
        assertThat(driver.findElement(By.id("model-advice")).getText()).startsWith("The model's probability of");
        click(driver.findElement(By.id("show-explanation")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("explanation")));
        assertThat(driver.findElement(By.id("explanation")).getText()).doesNotContain("truly");
        HeadlessChromium.screenshot(driver, "reader-laptop-round-2");
        for (int k = 1; k <= 10; k++) {
            int n = k;
            waitForCase(n);
            if (k % 2 == 0) {
                call(1, 5);
            } else {
                click(driver.findElement(By.id("reader-save")));
            }
        }

        // Results: the reader's point on the model's curve, and automation bias in those words.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader-roc")));
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("You against the model: 10 cases");
        var chart = driver.findElement(By.cssSelector("#reader-roc svg")).getDomProperty("innerHTML");
        assertThat(chart).contains("you, without the model", "you, with the model", "the model on these cases");
        assertThat(driver.findElement(By.id("automation-bias")).getText())
                .startsWith("Automation bias: the model's advice turned");
        assertThat(driver.findElement(By.id("reader-results")).getText()).contains("You, without the model");
        ScreenChecks.assertNoHorizontalOverflow(driver, "reader-laptop-results");
        HeadlessChromium.screenshot(driver, "reader-laptop-results");
        ScreenChecks.viewport(driver, ScreenChecks.PHONE);
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader-roc")));
        ScreenChecks.assertNoHorizontalOverflow(driver, "reader-phone-results");
        HeadlessChromium.screenshot(driver, "reader-phone-results");
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
    }

    private void waitForCase(int n) {
        try {
            waitUpTo(60)
                    .until(d -> d.findElement(By.id("reader-progress"))
                            .getDomProperty("textContent")
                            .startsWith("Case " + n + " of 10"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "waiting for case " + n + ": the page says '"
                            + driver.findElement(By.id("reader-progress")).getDomProperty("textContent")
                            + "', problem '"
                            + driver.findElements(By.id("reader-problem")).stream()
                                    .map(WebElement::getText)
                                    .toList() + "'",
                    e);
        }
    }

    /** Picks the call (by its place among the classes) and the confidence, then saves. */
    private void call(int classIndex, int confidence) {
        click(driver.findElements(By.cssSelector("#reader-call vaadin-radio-button"))
                .get(classIndex));
        click(driver.findElements(By.cssSelector("#reader-confidence vaadin-radio-button"))
                .get(confidence - 1));
        click(driver.findElement(By.id("reader-save")));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
