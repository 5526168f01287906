package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation page of a finished run and the pages of the demo tables fit a school laptop and a phone: the page
 * never scrolls sideways (wide tables scroll inside their own box) and nothing covers a heading, button or field.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class PagesFitBrowserTest extends BrowserTest {

    @Autowired
    JsonMapper json;

    /** Hides BrowserTest's: this class starts at the laptop's size. */
    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(ScreenChecks.LAPTOP);
    }

    @Test
    void the_evaluation_and_dataset_pages_fit_a_laptop_and_a_phone() throws Exception {
        var wdbc = datasetId("Breast cancer biopsies");
        var cohort = datasetId("SYNTHETIC heart-risk cohort");
        long run = trainedRun(cohort);
        signInToHome("trainee1", "Learn-Rounds-2026a");

        for (var screen : Map.of("laptop", ScreenChecks.LAPTOP, "phone", ScreenChecks.PHONE)
                .entrySet()) {
            ScreenChecks.viewport(driver, screen.getValue());
            var page = "evaluation of run " + run + " on a " + screen.getKey();
            driver.get(url("/evaluation/" + run));
            waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("tp")));
            waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.id("feature-importance")));
            check(page, "fit-evaluation-" + screen.getKey(), screen.getValue());

            for (var dataset : List.of(wdbc, cohort)) {
                page = "dataset " + dataset + " on a " + screen.getKey();
                driver.get(url("/dataset/" + dataset));
                waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("column-summary")));
                waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.id("table-rows")));
                check(page, "fit-dataset-" + dataset + "-" + screen.getKey(), screen.getValue());
            }
        }
    }

    private void check(String page, String shot, Dimension screen) throws Exception {
        // Let Vaadin lay out the grids before measuring.
        Thread.sleep(800);
        HeadlessChromium.screenshot(driver, shot);
        fullPage(shot + "-full", screen);
        ScreenChecks.assertNoHorizontalOverflow(driver, page);
        ScreenChecks.assertNothingCovered(driver, "body", page);
    }

    /**
     * The rest of the page, a screen at a time, for a person to look at (not asserted): the app's content area scrolls
     * inside the layout, so it is scrolled rather than captured beyond the viewport.
     */
    private static void fullPage(String name, Dimension screen) throws Exception {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        // The scrolling box under the middle of the screen, found through slots and shadow roots.
        var scroller = "let s = document.elementFromPoint(innerWidth / 2, innerHeight / 2);"
                + " const scrolls = e => e.scrollHeight > e.clientHeight + 10"
                + " && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY);"
                + " while (s && s.nodeType === 1 && !scrolls(s)) {"
                + " s = s.assignedSlot || s.parentElement || (s.getRootNode() && s.getRootNode().host); }"
                + " if (!s || s.nodeType !== 1) s = document.scrollingElement;";
        for (int part = 1; part <= MAX_PARTS; part++) {
            var done = (Boolean) js.executeScript(scroller + " const before = s.scrollTop;"
                    + " s.scrollTop = before + s.clientHeight - 40; return s.scrollTop === before;");
            if (Boolean.TRUE.equals(done)) {
                break;
            }
            Thread.sleep(300);
            HeadlessChromium.screenshot(driver, name + "-" + part);
        }
        js.executeScript(scroller + " s.scrollTop = 0;");
    }

    private static final int MAX_PARTS = 8;

    private long datasetId(String prefix) throws Exception {
        var list = TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode d : json.readTree(list.body())) {
            if (d.get("name").asString().startsWith(prefix)) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no dataset named " + prefix);
    }

    /** A completed run with its threshold locked, so the evaluation page shows the test split in full. */
    private long trainedRun(long dataset) throws Exception {
        long run = completedRun(dataset, "ehr-mlp", "{\"epochs\": 4, \"seed\": 3}");
        var locked = TestUsers.postJson(
                port, "/api/v1/runs/" + run + "/threshold", "{\"threshold\": 0.5}", TestUsers.TRAINEE);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
        return run;
    }
}
