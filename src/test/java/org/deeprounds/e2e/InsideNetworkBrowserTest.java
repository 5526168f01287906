package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trainee opens a run while it trains: the layer charts draw and grow as statistics arrive, a layer can be picked on
 * the diagram, and DL4J's own training UI opens for the run through the app.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class InsideNetworkBrowserTest extends BrowserTest {

    @Autowired
    JsonMapper json;

    @Test
    void the_charts_of_a_running_job_update_as_it_learns() throws Exception {
        signInToHome("trainee1", "Learn-Rounds-2026a");
        long run = submitLongRun();
        var wait = waitUpTo(120);
        driver.get(url("/run/" + run));

        wait.until(d -> points(d, "ratio-chart") >= 1);
        int first = points(driver, "ratio-chart");
        wait.until(d -> points(d, "ratio-chart") > first);
        assertThat(driver.findElement(By.cssSelector("#ratio-chart canvas")).isDisplayed())
                .isTrue();
        // Early in a run the reading waits for evidence past Adam's warm-up rather than guessing.
        assertThat(driver.findElement(By.id("ratio-reading")).getText())
                .matches("(?s)(Too early to judge|Median over iterations|Ratio up to).*");
        assertThat(points(driver, "activation-chart")).isPositive();
        assertThat(points(driver, "weight-histogram")).isEqualTo(20);

        // The first convolution shows the feature maps of a validation image once a checkpoint exists.
        wait.until(d -> d.findElements(By.cssSelector("#feature-maps img")).size() == 17);
        // The dense layer: no maps, but its own ratio.
        clickButton("5 · ");
        wait.until(d -> d.findElement(By.id("ratio-reading"))
                .getText()
                .matches("(?s)(Too early to judge|Median over iterations|Ratio up to).*"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("feature-maps")));
        HeadlessChromium.screenshot(driver, "inside-network");

        var dl4j = driver.findElement(By.id("dl4j-ui-link")).getDomAttribute("href");
        assertThat(dl4j).isEqualTo("/train/" + run + "/overview");
        driver.get(url(dl4j));
        // DL4J's page draws its score chart from data it fetches through the app.
        wait.until(
                d -> !d.findElements(By.cssSelector("#scoreiterchart canvas")).isEmpty());
        HeadlessChromium.screenshot(driver, "dl4j-training-ui");
        TestUsers.send(port, "POST", "/api/v1/runs/" + run + "/cancel", TestUsers.TRAINEE);
    }

    @Test
    void a_lesson_length_run_draws_curves_over_the_whole_run() throws Exception {
        signInToHome("trainee1", "Learn-Rounds-2026a");
        // The learning-rate lesson's first run: the template's rate, 5 epochs, a few seconds.
        long run = submit("{\"epochs\": 5}");
        for (int i = 0; i < 1200; i++) {
            var status = json.readTree(TestUsers.get(port, "/api/v1/runs/" + run, TestUsers.TRAINEE)
                            .body())
                    .get("status")
                    .asString();
            if (status.equals("COMPLETED")) {
                break;
            }
            assertThat(status).isIn("QUEUED", "RUNNING");
            Thread.sleep(100);
        }
        driver.get(url("/run/" + run));
        var wait = waitUpTo(60);
        wait.until(d -> points(d, "ratio-chart") >= 30);
        assertThat(points(driver, "activation-chart")).isGreaterThanOrEqualTo(30);
        // The loss of every iteration, not only of the snapshots.
        int iterations = json.readTree(TestUsers.get(port, "/api/v1/runs/" + run + "/layers", TestUsers.TRAINEE)
                        .body())
                .get("scoreIterations")
                .size();
        assertThat(iterations).isGreaterThan(points(driver, "ratio-chart"));
        wait.until(d -> points(d, "iteration-loss-chart") == iterations);
        assertThat(driver.findElement(By.id("ratio-reading")).getText())
                .startsWith("Median over iterations")
                .doesNotContain("too large");
        HeadlessChromium.screenshot(driver, "inside-network-lesson-run");
    }

    private static int points(org.openqa.selenium.WebDriver d, String id) {
        var value = ((JavascriptExecutor) d)
                .executeScript(
                        "var e = document.getElementById(arguments[0]);"
                                + " return e ? e.getAttribute('data-points') : null;",
                        id);
        return value == null ? 0 : Integer.parseInt(value.toString());
    }

    /** Imaging CNN with a small learning rate for many epochs: still training while the page is watched. */
    private long submitLongRun() throws Exception {
        return submit("{\"epochs\": 60, \"learningRate\": 0.0002}");
    }

    /** The imaging CNN on the synthetic chest films with these overrides. */
    private long submit(String overrides) throws Exception {
        long dataset = 0;
        for (JsonNode d : json.readTree(
                TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE).body())) {
            if (d.get("name").asString().startsWith("Chest X-rays")) {
                dataset = d.get("id").asLong();
            }
        }
        var submitted = TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"imaging-cnn\", \"overrides\": " + overrides + "}",
                TestUsers.TRAINEE);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return json.readTree(submitted.body()).get("id").asLong();
    }
}
