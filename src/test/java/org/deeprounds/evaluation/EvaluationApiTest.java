package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A trained run judged on its test split over HTTP, in the agreed shape, once, and only by those who may see it. */
@IntegrationTest
class EvaluationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    AuditLog audit;

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN") // to read the audit log directly
    void a_completed_run_is_scored_once_on_the_test_split_at_any_threshold() throws Exception {
        long dataset = datasetId("Breast cancer biopsies");
        long scoredBefore = audit.count(List.of(AuditAction.TEST_SPLIT_SCORED));
        var submitted = TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"ehr-mlp\","
                        + " \"overrides\": {\"epochs\": 8, \"learningRate\": 0.005, \"seed\": 5}}",
                TestUsers.TRAINEE);
        long id = json.readTree(submitted.body()).get("id").asLong();

        var early = TestUsers.get(port, "/api/v1/runs/" + id + "/evaluation", TestUsers.TRAINEE);
        if (early.statusCode() == 409) {
            assertThat(json.readTree(early.body()).get("error").asString())
                    .contains("only a completed run is evaluated on the test split");
        }
        waitUntilFinished(id);
        assertThat(audit.count(List.of(AuditAction.TEST_SPLIT_SCORED)))
                .as("training never read the test split")
                .isEqualTo(scoredBefore);

        var response = TestUsers.get(port, "/api/v1/runs/" + id + "/evaluation?threshold=0.5", TestUsers.TRAINEE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var e = json.readTree(response.body());
        int cases = e.get("cases").asInt();
        assertThat(e.get("split").asString()).isEqualTo("test");
        assertThat(e.get("positiveClass").asString()).isEqualTo("malignant");
        assertThat(cases).isGreaterThan(50);
        var cm = e.get("confusionMatrix");
        assertThat(cm.get("tp").asLong()
                        + cm.get("fp").asLong()
                        + cm.get("tn").asLong()
                        + cm.get("fn").asLong())
                .isEqualTo(cases);
        for (var metric :
                List.of("auc", "sensitivity", "specificity", "ppv", "npv", "accuracy", "balancedAccuracy", "f1")) {
            var m = e.get(metric);
            assertThat(m.get("ciLow").asDouble())
                    .as(metric)
                    .isLessThanOrEqualTo(m.get("value").asDouble());
            assertThat(m.get("ciHigh").asDouble())
                    .as(metric)
                    .isGreaterThanOrEqualTo(m.get("value").asDouble());
        }
        assertThat(e.get("auc").get("value").asDouble()).isGreaterThan(0.9);
        assertThat(e.get("roc").get(0).get("threshold").isNull()).isTrue();
        assertThat(e.get("calibration").get("bins").size()).isPositive();
        assertThat(e.get("baselines").get(0).get("name").asString()).isEqualTo("Majority class");
        var published = e.get("baselines").get(1);
        assertThat(published.get("name").asString()).isEqualTo("Published result");
        assertThat(published.get("accuracy").asDouble()).isEqualTo(0.975);
        assertThat(published.get("description").asString()).contains("Street", "not a like-for-like comparison");
        var presets = e.get("presets");
        assertThat(presets.get("ruleOut").isNumber()).isTrue();
        assertThat(presets.get("chosenOn").asString()).isEqualTo("validation");
        assertThat(presets.get("ruleOut").asDouble())
                .isLessThanOrEqualTo(presets.get("ruleIn").asDouble());
        assertThat(presets.get("ruleOutPreset").get("validationSensitivity").asDouble())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(presets.get("ruleInPreset").get("validationSpecificity").asDouble())
                .isGreaterThanOrEqualTo(0.95);

        var everything =
                json.readTree(TestUsers.get(port, "/api/v1/runs/" + id + "/evaluation?threshold=0", TestUsers.TRAINEE)
                        .body());
        assertThat(everything.get("sensitivity").get("value").asDouble()).isEqualTo(1.0);
        assertThat(everything.get("confusionMatrix").get("tn").asLong()).isZero();

        var predictions = json.readTree(TestUsers.get(port, "/api/v1/runs/" + id + "/predictions", TestUsers.TRAINEE)
                .body());
        assertThat(predictions.size()).isEqualTo(cases);
        var first = predictions.get(0);
        assertThat(first.get("caseId").asString()).isEqualTo("test-1");
        assertThat(first.get("name").asString())
                .as("the table's case_id names the case")
                .isNotBlank();
        double sum = StreamSupport.stream(first.get("probabilities").spliterator(), false)
                .mapToDouble(JsonNode::asDouble)
                .sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(audit.count(List.of(AuditAction.TEST_SPLIT_SCORED)))
                .as("scored once, whatever the number of requests")
                .isEqualTo(scoredBefore + 1);

        var card = TestUsers.get(port, "/api/v1/runs/" + id + "/model-card?threshold=0.4", TestUsers.TRAINEE);
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(card.body())
                .startsWith("# Model card: run " + id + ", ehr-mlp on Breast cancer biopsies")
                .contains("Not for clinical use", "Threshold 0.40", "| Sensitivity |", "Licence: CC BY 4.0")
                .contains("test " + cases + " cases", "Baseline to beat: Majority class", "## Limitations")
                .contains("Rule-out aims for a sensitivity of at least 95%", "chosen on the validation split")
                // What it was made with, for reproducing it.
                .containsPattern(
                        "Made with Deeplearning4j 1\\.0\\.0-M2\\.1 on .*design sha256 [0-9a-f]{12}, data sha256"
                                + " [0-9a-f]{12}, seed \\d+\\.")
                .doesNotContainPattern("\\b1 (true|false) (positives|negatives)");
        var html = TestUsers.get(port, "/api/v1/runs/" + id + "/model-card?format=html", TestUsers.TRAINEE);
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<p class='warning'>Not for clinical use");
        var pdf = TestUsers.get(port, "/api/v1/runs/" + id + "/model-card?format=pdf", TestUsers.TRAINEE);
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(json.readTree(pdf.body()).get("error").asString())
                .isEqualTo("format must be markdown or html, not 'pdf'");

        var other = new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");
        assertThat(TestUsers.get(port, "/api/v1/runs/" + id + "/model-card", other)
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.get(port, "/api/v1/runs/" + id + "/evaluation", other)
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.get(port, "/api/v1/runs/" + id + "/predictions", other)
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.get(port, "/api/v1/runs/" + id + "/evaluation", TestUsers.INSTRUCTOR)
                        .statusCode())
                .isEqualTo(200);
        var bad = TestUsers.get(port, "/api/v1/runs/" + id + "/evaluation?threshold=1.5", TestUsers.TRAINEE);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("error").asString()).contains("between 0 and 1");
        var word = TestUsers.get(port, "/api/v1/runs/" + id + "/evaluation?threshold=high", TestUsers.TRAINEE);
        assertThat(json.readTree(word.body()).get("error").asString())
                .isEqualTo("threshold must be a number between 0 and 1, not 'high'");
    }

    private void waitUntilFinished(long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            var run = json.readTree(
                    TestUsers.get(port, "/api/v1/runs/" + id, TestUsers.TRAINEE).body());
            if (!List.of("QUEUED", "RUNNING").contains(run.get("status").asString())) {
                assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private long datasetId(String prefix) throws Exception {
        for (JsonNode d : json.readTree(
                TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE).body())) {
            if (d.get("name").asString().startsWith(prefix)) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no dataset " + prefix);
    }
}
