package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.deeprounds.TestUsers;
import org.deeprounds.datasets.DatasetService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ECG in a real browser, on a school laptop and a phone: a trainee reads the synthetic ECG dataset's page with its
 * traces, then trains a small network on it and tries a beat of the real recording, seeing the strip, the
 * explanation over time and the probabilities. Nothing scrolls the page sideways and the trace's words stay readable.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class SignalBrowserTest extends BrowserTest {

    private static final Map<String, Dimension> SCREENS =
            new java.util.TreeMap<>(Map.of("laptop", ScreenChecks.LAPTOP, "phone", ScreenChecks.PHONE));

    /** The smallest text on a trace, in CSS pixels: Lumo's extra-small size. */
    private static final double SMALLEST_TEXT = 11;

    @Autowired
    DatasetService datasets;

    /** Hides BrowserTest's: this class starts at the laptop's size. */
    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(ScreenChecks.LAPTOP);
    }

    @Test
    void a_trainee_opens_the_synthetic_ecg_dataset_and_sees_traces_of_each_class() throws Exception {
        long ecg = ecgDataset();
        signInToHome("trainee1", "Learn-Rounds-2026a");
        for (var screen : SCREENS.entrySet()) {
            ScreenChecks.viewport(driver, screen.getValue());
            driver.get(url("/dataset/" + ecg));
            waitUpTo(60)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#signal-preview .signal-trace svg polyline.trace")));
            var page = "ECG dataset on a " + screen.getKey();
            assertThat(driver.findElement(By.id("synthetic-warning")).getText()).startsWith("SYNTHETIC");
            assertThat(driver.findElement(By.id("signal-recording")).getText()).contains("360 Hz", "mV");
            assertThat(driver.findElement(By.id("signal-records")).getText())
                    .contains("Split by record: no patient in two splits");
            var traces = driver.findElements(By.cssSelector("#signal-preview .signal-trace"));
            assertThat(traces).hasSizeGreaterThanOrEqualTo(2);
            assertThat(driver.findElements(By.cssSelector("#signal-preview .r-mark")))
                    .hasSizeGreaterThanOrEqualTo(traces.size());
            Thread.sleep(500);
            HeadlessChromium.screenshot(driver, "signal-dataset-top-" + screen.getKey());
            ScreenChecks.assertNoHorizontalOverflow(driver, page);
            ScreenChecks.assertNothingCovered(driver, "#signal-preview", page);
            assertReadable(page, "#signal-preview");
            scrollTo("signal-preview");
            HeadlessChromium.screenshot(driver, "signal-dataset-" + screen.getKey());
            scrollTo(traces.getFirst());
            HeadlessChromium.screenshot(driver, "signal-dataset-traces-" + screen.getKey());
        }
    }

    @Test
    void a_trainee_trains_a_small_signal_network_and_tries_a_beat_of_the_real_recording() throws Exception {
        long ecg = ecgDataset();
        long run = completedRun(ecg, "signal-cnn", "{\"epochs\": 2, \"seed\": 5}");
        var locked = TestUsers.postJson(
                port, "/api/v1/runs/" + run + "/threshold", "{\"threshold\": 0.5}", TestUsers.TRAINEE);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
        signInToHome("trainee1", "Learn-Rounds-2026a");

        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        driver.get(url("/evaluation/" + run));
        var wait = waitUpTo(60);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#beat-strip-trace svg polyline")));
        assertThat(driver.findElement(By.id("recording-unannotated")).getText()).contains("Unannotated", "no accuracy");
        assertThat(driver.findElement(By.id("recording-provenance")).getText()).contains("record 208");
        assertThat(driver.findElement(By.id("recording-licence")).getText()).contains("ODC-By");
        assertThat(driver.findElement(By.id("recording-citation")).getText()).contains("Moody GB");
        var first = stripCaption();
        clickButton("Next");
        wait.until(d -> !stripCaption().equals(first));
        assertThat(stripCaption()).startsWith("Beat ");
        assertThat(driver.findElements(By.cssSelector("#beat-strip .r-mark")))
                .as("the strip shows the beats around it")
                .hasSizeGreaterThanOrEqualTo(3);
        clickButton("Predict and explain");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#over-time svg polygon")));
        var probabilities = driver.findElement(By.id("probabilities")).getText();
        assertThat(probabilities).contains("normal", "pvc").containsPattern("\\d+\\.\\d%");
        assertThat(driver.findElement(By.id("try-result")).getText()).contains("of the recording");
        assertThat(driver.findElement(By.id("try-error")).getText()).isEmpty();

        for (var screen : SCREENS.entrySet()) {
            var page = "try a beat on a " + screen.getKey();
            ScreenChecks.viewport(driver, screen.getValue());
            Thread.sleep(600);
            ScreenChecks.assertNoHorizontalOverflow(driver, page);
            ScreenChecks.assertNothingCovered(driver, "#try-case", page);
            assertReadable(page, "#try-case");
            scrollTo("recording-beats");
            HeadlessChromium.screenshot(driver, "signal-try-" + screen.getKey());
            scrollTo("beat-strip");
            HeadlessChromium.screenshot(driver, "signal-try-strip-" + screen.getKey());
            scrollTo("explanation");
            HeadlessChromium.screenshot(driver, "signal-try-explanation-" + screen.getKey());
        }

        // A reader study of the run shows each beat as a trace, and nothing of its label.
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        clickButton("Start a reader study");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reader-case .signal-trace svg")));
        var reading = driver.findElement(By.id("reader-case")).getText();
        assertThat(reading).contains("R", "time (ms)").doesNotContain("normal", "pvc", "rec");
        for (var screen : SCREENS.entrySet()) {
            ScreenChecks.viewport(driver, screen.getValue());
            Thread.sleep(500);
            ScreenChecks.assertNoHorizontalOverflow(driver, "a reader's beat on a " + screen.getKey());
            assertReadable("a reader's beat on a " + screen.getKey(), "#reader-case");
            HeadlessChromium.screenshot(driver, "signal-reader-" + screen.getKey());
        }
    }

    /** Every trace fills most of its box's width, and no text on it is smaller than Lumo's extra-small size. */
    @SuppressWarnings("unchecked")
    private void assertReadable(String page, String root) {
        var sizes = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                        return [...document.querySelectorAll(arguments[0] + ' .signal-trace')].map(t => {
                          const svg = t.querySelector('svg').getBoundingClientRect();
                          const smallest = Math.min(...[...t.querySelectorAll('span')]
                              .filter(s => s.textContent.trim() && s.children.length === 0)
                              .map(s => parseFloat(getComputedStyle(s).fontSize)));
                          return {svg: svg.width, box: t.getBoundingClientRect().width, smallest: smallest};
                        });
                        """, root);
        assertThat(sizes).as("%s: traces", page).isNotEmpty();
        for (var size : sizes) {
            assertThat(((Number) size.get("svg")).doubleValue())
                    .as("%s: the drawing fills its trace's width", page)
                    .isGreaterThan(0.8 * ((Number) size.get("box")).doubleValue());
            assertThat(((Number) size.get("smallest")).doubleValue())
                    .as("%s: the smallest text on a trace", page)
                    .isGreaterThanOrEqualTo(SMALLEST_TEXT);
        }
    }

    private String stripCaption() {
        return driver.findElement(By.id("beat-strip-trace")).getDomAttribute("aria-label");
    }

    private void scrollTo(String id) throws InterruptedException {
        scrollTo(driver.findElement(By.id(id)));
    }

    private void scrollTo(org.openqa.selenium.WebElement element) throws InterruptedException {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
        Thread.sleep(300);
    }

    private long ecgDataset() {
        return TestUsers.as(
                "trainee1",
                "TRAINEE",
                () -> datasets.sampleId("synthetic-ecg-beats").orElseThrow());
    }
}
