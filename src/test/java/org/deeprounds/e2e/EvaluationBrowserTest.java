package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A trainee opens a finished run's evaluation and moves the threshold: the confusion matrix and metrics follow. */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class EvaluationBrowserTest extends BrowserTest {

    @Autowired
    JsonMapper json;

    @Test
    void moving_the_threshold_trades_sensitivity_for_specificity() throws Exception {
        long run = trainedRun();
        var wait = waitUpTo(60);
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        signInToHome("trainee1", "Learn-Rounds-2026a");
        driver.get(url("/run/" + run));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("evaluate-link")))
                .click();

        // No threshold is locked yet: the page opens on the validation split, where one is chosen.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tp")));
        assertThat(driver.findElement(By.tagName("h2")).getText())
                .contains("choose a threshold on the validation split");
        assertThat(driver.findElements(By.id("misclassified")))
                .as("no test case is shown before the lock")
                .isEmpty();
        assertThat(driver.findElement(By.id("threshold-value")).getText()).isEqualTo("0.50");
        var atHalf = counts();

        // Drag the slider to 0.05: the browser sets its value and fires "input" and "change", as a drag does.
        var slider = driver.findElement(By.id("threshold"));
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = '0.05';"
                                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        slider);
        wait.until(d -> d.findElement(By.id("threshold-value")).getText().equals("0.05"));
        var low = counts();
        assertThat(low.get(0) + low.get(1)).as("the positives do not change").isEqualTo(atHalf.get(0) + atHalf.get(1));
        assertThat(low.get(0)).as("a lower threshold finds at least as many").isGreaterThanOrEqualTo(atHalf.get(0));
        assertThat(low.get(2)).as("and raises more false alarms").isGreaterThan(atHalf.get(2));

        // The presets were chosen on the validation split: rule-out never finds fewer cases than rule-in.
        var notes = driver.findElement(By.id("preset-notes")).getDomProperty("textContent");
        assertThat(notes)
                .contains("Rule-out aims for a sensitivity of at least 95%", "Chosen on the validation split")
                .doesNotContain("test split");
        var chosen = java.util.regex.Pattern.compile("Threshold (\\d\\.\\d\\d)").matcher(notes);
        assertThat(chosen.find()).isTrue();
        var ruleOutThreshold = chosen.group(1);
        assertThat(chosen.find()).isTrue();
        var ruleInThreshold = chosen.group(1);
        clickButton("Rule-in");
        wait.until(d -> d.findElement(By.id("threshold-value")).getText().equals(ruleInThreshold));
        var ruleIn = counts();
        clickButton("Rule-out");
        wait.until(d -> d.findElement(By.id("threshold-value")).getText().equals(ruleOutThreshold));
        var ruleOut = counts();
        assertThat(ruleOut.get(0))
                .as("rule-out finds at least as many as rule-in")
                .isGreaterThanOrEqualTo(ruleIn.get(0));
        ScreenChecks.assertNoHorizontalOverflow(driver, "evaluation-choose");
        HeadlessChromium.screenshot(driver, "evaluation-choose");
        ScreenChecks.viewport(driver, ScreenChecks.PHONE);
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("lock-threshold")));
        ScreenChecks.assertNoHorizontalOverflow(driver, "evaluation-choose-phone");
        HeadlessChromium.screenshot(driver, "evaluation-choose-phone");
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);

        // Locking opens the test split at the locked threshold, and says where it was chosen.
        scrollAndClick(driver.findElement(By.id("lock-threshold")));
        wait.until(d -> d.findElement(By.tagName("h2")).getText().contains("on the test split"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("threshold-lock")));
        assertThat(driver.findElement(By.id("threshold-lock")).getText())
                .contains("Threshold " + ruleOutThreshold + " was chosen on the validation split");
        assertThat(driver.findElement(By.id("threshold-value")).getText()).isEqualTo(ruleOutThreshold);
        var evaluation = json.readTree(TestUsers.get(port, "/api/v1/runs/" + run + "/evaluation", TestUsers.TRAINEE)
                .body());
        assertThat(evaluation.get("lockedThreshold").asDouble()).isEqualTo(Double.parseDouble(ruleOutThreshold));
        assertThat(evaluation.get("thresholdChosenOn").asString()).isEqualTo("validation");
        assertThat(evaluation.get("split").asString()).isEqualTo("test");

        // A false alarm is among the cases it got wrong; explaining it lists the columns that pulled it.
        wait.until(d ->
                !d.findElements(By.cssSelector("#misclassified vaadin-button")).isEmpty());
        var explain = driver.findElements(By.cssSelector("#misclassified vaadin-button"))
                .getFirst();
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", explain);
        explain.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contributions")));
        assertThat(driver.findElement(By.id("explanation")).getText())
                .contains("Case ", ": truly ", "Pull on the probability")
                .as("named by the table's case_id, not by its position")
                .doesNotContain("Case test-");
        assertThat(driver.findElements(By.id("feature-importance"))).hasSize(1);

        // Try a patient of one's own: a word where a number belongs is named; a number gives a prediction.
        var radius = driver.findElement(By.cssSelector("#try-mean_radius input"));
        radius.sendKeys("big", org.openqa.selenium.Keys.TAB);
        clickButton("Predict and explain");
        wait.until(d -> d.findElement(By.id("try-error")).getText().contains("'big' is not a number"));
        // The button click scrolled the page; bring the field back into view as a user would.
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", radius);
        radius.sendKeys(
                org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                "17.9",
                org.openqa.selenium.Keys.TAB);
        clickButton("Predict and explain");
        wait.until(d -> d.findElement(By.id("try-result")).getText().contains("Your case: the network's call"));
        assertThat(driver.findElement(By.id("try-result")).getText()).doesNotContain("truly");
        assertThat(driver.findElement(By.id("try-error")).getText()).isEmpty();

        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("document.getElementById('decision-curve').scrollIntoView({block: 'center'});");
        HeadlessChromium.screenshot(driver, "evaluation-decision-curve");
        HeadlessChromium.screenshot(driver, "evaluation-locked");
        assertThat(driver.findElement(By.id("prevalence-text")).getDomProperty("textContent"))
                .startsWith("If ");
        assertThat(driver.findElement(By.id("net-benefit-text")).getDomProperty("textContent"))
                .startsWith("At threshold " + ruleOutThreshold + ": net benefit ");
        var threshold = driver.findElement(By.id("threshold-value")).getDomProperty("textContent");
        assertThat(threshold).isEqualTo(ruleOutThreshold);
        assertThat(driver.findElement(By.id("model-card-html")).getDomProperty("href"))
                .endsWith("/api/v1/runs/" + run + "/model-card?format=html&threshold=" + threshold);
        HeadlessChromium.screenshot(driver, "evaluation");
    }

    private void scrollAndClick(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** TP, FN, FP, TN as shown. */
    private List<Long> counts() {
        return List.of(number("tp"), number("fn"), number("fp"), number("tn"));
    }

    private long number(String id) {
        return Long.parseLong(driver.findElement(By.id(id)).getText().split(" ")[0]);
    }

    private long trainedRun() throws Exception {
        long dataset = 0;
        var list = TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode d : json.readTree(list.body())) {
            if (d.get("name").asString().startsWith("Breast cancer biopsies")) {
                dataset = d.get("id").asLong();
            }
        }
        return completedRun(dataset, "ehr-mlp", "{\"epochs\": 6, \"seed\": 9}");
    }
}
