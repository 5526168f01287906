package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A threshold is chosen on the validation split and locked before the test split is read; the test evaluation says
 * where its threshold was chosen, and a lock made after the test figures were shown says so. Decision curves come
 * with it and agree with a hand computation from the stored predictions.
 */
@IntegrationTest
class ThresholdLockApiTest {

    /** Not trainee1, whose runs on the biopsies would count in the lesson progress tests. */
    static final TestUsers.Credentials OWNER = new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void a_threshold_chosen_on_validation_is_locked_before_the_test_split_is_opened() throws Exception {
        long run = trainedRun(3);

        var validation =
                read(TestUsers.get(port, "/api/v1/runs/" + run + "/validation-evaluation?threshold=0.4", OWNER));
        assertThat(validation.get("split").asString()).isEqualTo("validation");
        assertThat(validation.get("threshold").asDouble()).isEqualTo(0.4);
        assertThat(validation.get("lockedThreshold").isNull()).isTrue();
        assertThat(validation
                        .get("presets")
                        .get("ruleOutPreset")
                        .get("testSensitivity")
                        .isNull())
                .as("nothing of the test split in the validation view")
                .isTrue();
        var cm = validation.get("confusionMatrix");
        assertThat(cm.get("tp").asLong()
                        + cm.get("fp").asLong()
                        + cm.get("tn").asLong()
                        + cm.get("fn").asLong())
                .isEqualTo(validation.get("cases").asLong());

        // Bad input names the field; only the owner locks; another trainee does not learn the run exists.
        var outOfRange = TestUsers.postJson(port, "/api/v1/runs/" + run + "/threshold", "{\"threshold\": 1.5}", OWNER);
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("threshold must be between 0 and 1");
        var missing = TestUsers.postJson(port, "/api/v1/runs/" + run + "/threshold", "{}", OWNER);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("threshold: required");
        assertThat(TestUsers.postJson(
                                port, "/api/v1/runs/" + run + "/threshold", "{\"threshold\": 0.4}", TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.get(port, "/api/v1/runs/" + run + "/validation-evaluation", TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(404);

        var locked = read(TestUsers.postJson(
                port,
                "/api/v1/runs/" + run + "/threshold",
                "{\"threshold\": 0.4, \"justification\": \"rule-out\"}",
                OWNER));
        assertThat(locked.get("lockedThreshold").asDouble()).isEqualTo(0.4);
        assertThat(locked.get("thresholdChosenOn").asString()).isEqualTo("validation");

        var test = read(TestUsers.get(port, "/api/v1/runs/" + run + "/evaluation", OWNER));
        assertThat(test.get("split").asString()).isEqualTo("test");
        assertThat(test.get("threshold").asDouble())
                .as("the test figures start at the lock")
                .isEqualTo(0.4);
        assertThat(test.get("lockedThreshold").asDouble()).isEqualTo(0.4);
        assertThat(test.get("thresholdChosenOn").asString()).isEqualTo("validation");

        // Locking again after the test figures were shown is allowed, and recorded as a choice on the test split.
        var again = read(TestUsers.postJson(port, "/api/v1/runs/" + run + "/threshold", "{\"threshold\": 0.3}", OWNER));
        assertThat(again.get("thresholdChosenOn").asString()).isEqualTo("test");
        assertThat(read(TestUsers.get(port, "/api/v1/runs/" + run + "/evaluation", OWNER))
                        .get("thresholdChosenOn")
                        .asString())
                .isEqualTo("test");
    }

    @Test
    void a_lock_made_after_the_test_figures_were_shown_is_flagged_and_net_benefit_is_exact() throws Exception {
        long run = trainedRun(4);
        var test = read(TestUsers.get(port, "/api/v1/runs/" + run + "/evaluation?threshold=0.5", OWNER));
        assertThat(test.get("lockedThreshold").isNull()).isTrue();
        assertThat(test.get("thresholdChosenOn").isNull()).isTrue();

        // Net benefit by hand from the stored test predictions: TP/n − FP/n · t/(1−t), and treat-all alike.
        var predictions = read(TestUsers.get(port, "/api/v1/runs/" + run + "/predictions", OWNER));
        var curve = test.get("netBenefit");
        assertThat(curve.size()).isEqualTo(99);
        for (double t : List.of(0.1, 0.2, 0.5, 0.8)) {
            long tp = 0;
            long fp = 0;
            long positives = 0;
            int n = predictions.size();
            for (JsonNode p : predictions) {
                boolean malignant = p.get("trueLabel").asString().equals("malignant");
                positives += malignant ? 1 : 0;
                if (p.get("probabilities").get("malignant").asDouble() >= t) {
                    if (malignant) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            var point = curve.get((int) Math.round(t * 100) - 1);
            assertThat(point.get("threshold").asDouble()).isEqualTo(t, within(1e-9));
            assertThat(point.get("model").asDouble())
                    .as("net benefit at " + t)
                    .isEqualTo((double) tp / n - (double) fp / n * t / (1 - t), within(1e-12));
            double prevalence = (double) positives / n;
            assertThat(point.get("treatAll").asDouble())
                    .isEqualTo(prevalence - (1 - prevalence) * t / (1 - t), within(1e-12));
        }

        var locked =
                read(TestUsers.postJson(port, "/api/v1/runs/" + run + "/threshold", "{\"threshold\": 0.5}", OWNER));
        assertThat(locked.get("thresholdChosenOn").asString())
                .as("the test figures had been shown before the lock")
                .isEqualTo("test");
    }

    private JsonNode read(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private long trainedRun(int seed) throws Exception {
        long dataset = -1;
        for (JsonNode d :
                json.readTree(TestUsers.get(port, "/api/v1/datasets", OWNER).body())) {
            if (d.get("name").asString().startsWith("Breast cancer biopsies")) {
                dataset = d.get("id").asLong();
            }
        }
        var submitted = read(TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"ehr-mlp\", \"overrides\": {\"epochs\": 5, \"seed\": "
                        + seed + "}}",
                OWNER));
        long id = submitted.get("id").asLong();
        for (int i = 0; i < 600; i++) {
            var run = read(TestUsers.get(port, "/api/v1/runs/" + id, OWNER));
            if (!List.of("QUEUED", "RUNNING").contains(run.get("status").asString())) {
                assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
