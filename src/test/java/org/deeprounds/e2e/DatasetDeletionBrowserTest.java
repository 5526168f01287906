package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.deeprounds.TestUsers;
import org.deeprounds.datasets.DatasetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trainee's dataset with a completed run on it cannot be deleted: the API answers 409 naming the run, the run's
 * evaluation and model card still answer, and the dataset page says beforehand what uses it and shows the same
 * refusal when Delete is pressed (a delete used to succeed and leave the run answering 404).
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class DatasetDeletionBrowserTest extends BrowserTest {

    @Autowired
    JsonMapper json;

    @Autowired
    DatasetService datasets;

    @Test
    void a_dataset_a_run_trained_on_is_refused_with_the_run_named_and_the_run_keeps_working() throws Exception {
        long dataset = TestUsers.as("trainee1", "TRAINEE", this::ownTable);
        long run = completedRun(dataset, "ehr-mlp", "{\"epochs\": 2, \"seed\": 4}");

        var refused = TestUsers.send(port, "DELETE", "/api/v1/datasets/" + dataset, TestUsers.TRAINEE);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        var body = json.readTree(refused.body());
        assertThat(body.get("usedBy")).hasSize(1);
        var use = body.get("usedBy").get(0);
        assertThat(use.get("kind").asString()).isEqualTo("run");
        assertThat(use.get("id").asString()).isEqualTo(Long.toString(run));
        assertThat(use.get("owner").asString()).isEqualTo("trainee1");
        assertThat(body.get("othersNotShown").asInt()).isZero();
        var message = body.get("error").asString();
        assertThat(message)
                .contains("\"Trainee's own cohort\" is in use and was not deleted", "Run " + run + ": ehr-mlp");
        for (var path : List.of("", "/evaluation", "/model-card", "/predictions")) {
            var response = TestUsers.get(port, "/api/v1/runs/" + run + path, TestUsers.TRAINEE);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        }

        signInToHome("trainee1", "Learn-Rounds-2026a");
        driver.get(url("/dataset/" + dataset));
        var uses = waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("dataset-uses")));
        assertThat(uses.getText()).contains("Used by 1 training run (Run " + run + ": ehr-mlp, completed");
        clickButton("Delete dataset");
        var refusal = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("delete-refused")));
        assertThat(refusal.getText()).isEqualTo(message);
        assertThat(driver.findElements(By.tagName("vaadin-confirm-dialog")))
                .as("nothing to confirm: it is refused at once")
                .isEmpty();
        assertThat(TestUsers.get(port, "/api/v1/datasets/" + dataset, TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(200);
    }

    private long ownTable() {
        var csv = new StringBuilder("age,marker,outcome\n");
        var random = new java.util.Random(4);
        for (int i = 0; i < 200; i++) {
            double marker = random.nextGaussian();
            csv.append(40 + random.nextInt(40))
                    .append(',')
                    .append(marker)
                    .append(',')
                    .append(marker > 0 ? "yes" : "no")
                    .append('\n');
        }
        var request = new DatasetService.ImportRequest(
                "Trainee's own cohort", null, "outcome", null, List.of(), "yes", List.of(), null, null, null);
        return datasets.importUpload(
                        request,
                        new DatasetService.Upload(
                                "own.csv",
                                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))),
                        null)
                .id();
    }
}
