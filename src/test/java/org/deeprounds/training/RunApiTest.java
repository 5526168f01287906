package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs through the API on the real server: queued, trained by DL4J, stored, owned, cancelled, recovered. */
@IntegrationTest
class RunApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    RunService runService;

    @Autowired
    TrainingRunRepository runs;

    @Test
    void a_template_run_is_queued_trained_and_reported_in_the_agreed_shape() throws Exception {
        long datasetId = datasetId("Breast cancer biopsies");

        var submitted = post(
                "/api/v1/runs",
                "{\"datasetId\": " + datasetId + ", \"template\": \"ehr-mlp\","
                        + " \"overrides\": {\"epochs\": 3, \"learningRate\": 0.005, \"batchSize\": 32, \"seed\": 7}}",
                TestUsers.TRAINEE);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json.readTree(submitted.body()).get("id").asLong();
        var run = waitUntilFinished(id, TestUsers.TRAINEE);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(run.get("epochs").asInt()).isEqualTo(3);
        assertThat(run.get("backend").asString()).containsIgnoringCase("cpu");
        assertThat(run.get("queuePosition").asInt()).isZero();
        // The node that trained it (this one server), and where it went: started once, here.
        var node = run.get("node").asString();
        assertThat(node).isNotBlank();
        assertThat(run.get("events")).hasSize(1);
        assertThat(run.get("events").get(0).get("text").asString()).isEqualTo("Started on " + node + ".");
        var provenance = run.get("provenance");
        assertThat(provenance.get("dl4jVersion").asString()).isEqualTo("1.0.0-M2.1");
        assertThat(provenance.get("specSha256").asString()).hasSize(64);
        assertThat(provenance.get("seed").asLong()).isEqualTo(7);
        var metrics = run.get("metrics");
        assertThat(metrics.has("trainLoss")).isTrue();
        assertThat(metrics.has("validationLoss")).isTrue();
        assertThat(metrics.get("validationAuc").asDouble()).isGreaterThan(0.9);
        assertThat(run.get("error").isNull()).isTrue();
        assertThat(run.get("etaSeconds").isNull()).as("no ETA once finished").isTrue();
        assertThat(Files.exists(runService.runFolder(id).resolve(RunService.MODEL_FILE)))
                .isTrue();

        var other = new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");
        assertThat(TestUsers.get(port, "/api/v1/runs/" + id, other).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/runs/" + id + "/cancel", "", other).statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.get(port, "/api/v1/runs/" + id, TestUsers.INSTRUCTOR)
                        .statusCode())
                .as("the instructor of trainee1's cohort sees the run")
                .isEqualTo(200);
        assertThat(json.readTree(TestUsers.get(port, "/api/v1/runs", other).body())
                        .size())
                .isZero();

        assertThat(Files.exists(runService.runFolder(id).resolve(RunService.CHECKPOINT_FILE)))
                .as("a checkpoint per epoch")
                .isTrue();
        var resume = post("/api/v1/runs/" + id + "/resume", "", TestUsers.TRAINEE);
        assertThat(resume.statusCode()).isEqualTo(409);
        assertThat(json.readTree(resume.body()).get("error").asString())
                .isEqualTo("Run " + id + " is COMPLETED; only an interrupted run can be resumed.");
        assertThat(post("/api/v1/runs/" + id + "/rerun", "", other).statusCode())
                .isEqualTo(404);
        var rerun = post("/api/v1/runs/" + id + "/rerun", "", TestUsers.TRAINEE);
        assertThat(rerun.statusCode()).isEqualTo(202);
        long again = json.readTree(rerun.body()).get("id").asLong();
        assertThat(again).isNotEqualTo(id);
        var second = waitUntilFinished(again, TestUsers.TRAINEE);
        assertThat(second.get("spec")).isEqualTo(run.get("spec"));
        assertThat(second.get("metrics").get("validationLoss").asDouble())
                .as("same seed, data and backend: the same result")
                .isCloseTo(metrics.get("validationLoss").asDouble(), org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void a_learning_rate_far_too_high_ends_diverged_with_advice() throws Exception {
        long datasetId = datasetId("Breast cancer biopsies");

        var submitted = post(
                "/api/v1/runs",
                "{\"datasetId\": " + datasetId + ", \"template\": \"ehr-mlp\","
                        + " \"overrides\": {\"epochs\": 3, \"learningRate\": 1000}}",
                TestUsers.TRAINEE);

        var run = waitUntilFinished(json.readTree(submitted.body()).get("id").asLong(), TestUsers.TRAINEE);
        assertThat(run.get("status").asString()).isEqualTo("DIVERGED");
        assertThat(run.get("error").asString()).contains("learning rate 1000 is probably too high");
    }

    @Test
    void a_running_run_and_a_queued_run_can_be_cancelled() throws Exception {
        long films = syntheticImagingId();
        var body = "{\"datasetId\": " + films + ", \"template\": \"imaging-cnn\", \"overrides\": {\"epochs\": 50}}";
        long first = json.readTree(post("/api/v1/runs", body, TestUsers.TRAINEE).body())
                .get("id")
                .asLong();
        var other = new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");
        long second = json.readTree(post("/api/v1/runs", body, other).body())
                .get("id")
                .asLong();

        var waiting = json.readTree(
                TestUsers.get(port, "/api/v1/runs/" + second, other).body());
        assertThat(waiting.get("status").asString()).isEqualTo("QUEUED");
        assertThat(waiting.get("queuePosition").asInt()).isEqualTo(1);
        var cancelledWaiting = json.readTree(
                post("/api/v1/runs/" + second + "/cancel", "", other).body());
        assertThat(cancelledWaiting.get("status").asString()).isEqualTo("CANCELLED");

        for (int i = 0; i < 300 && !"RUNNING".equals(status(first)); i++) {
            Thread.sleep(100);
        }
        assertThat(post("/api/v1/runs/" + first + "/cancel", "", TestUsers.INSTRUCTOR)
                        .statusCode())
                .as("the trainee's instructor may cancel")
                .isEqualTo(200);
        var ended = waitUntilFinished(first, TestUsers.TRAINEE);
        assertThat(ended.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(ended.get("epoch").asInt()).isLessThan(50);
    }

    private String status(long id) throws Exception {
        return json.readTree(TestUsers.get(port, "/api/v1/runs/" + id, TestUsers.TRAINEE)
                        .body())
                .get("status")
                .asString();
    }

    private long syntheticImagingId() throws Exception {
        for (JsonNode d : json.readTree(
                TestUsers.get(port, "/api/v1/datasets", TestUsers.TRAINEE).body())) {
            if (d.get("synthetic").asBoolean() && d.get("modality").asString().equals("IMAGING")) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no synthetic imaging sample");
    }

    @Test
    void bad_requests_are_refused_with_an_error_and_nothing_is_queued() throws Exception {
        long datasetId = datasetId("Breast cancer biopsies");
        long before = runs.count();

        var unknown = post(
                "/api/v1/runs", "{\"datasetId\": " + datasetId + ", \"template\": \"resnet-1000\"}", TestUsers.TRAINEE);
        var tooMany = post(
                "/api/v1/runs",
                "{\"datasetId\": " + datasetId + ", \"template\": \"ehr-mlp\","
                        + " \"overrides\": {\"epochs\": 100000}}",
                TestUsers.TRAINEE);
        var noDataset = post("/api/v1/runs", "{\"datasetId\": 987654, \"template\": \"ehr-mlp\"}", TestUsers.TRAINEE);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("error").asString()).contains("No template 'resnet-1000'");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooMany.body()).get("error").asString()).contains("Epochs 100000");
        assertThat(noDataset.statusCode()).isEqualTo(404);
        var zeroUnits = post(
                "/api/v1/runs",
                "{\"datasetId\": " + datasetId + ", \"spec\": {\"layers\": ["
                        + "{\"type\": \"dense\", \"units\": 0, \"activation\": \"RELU\"}, {\"type\": \"output\"}],"
                        + " \"learningRate\": 0.001, \"batchSize\": 32, \"epochs\": 5}}",
                TestUsers.TRAINEE);
        assertThat(zeroUnits.statusCode()).as(zeroUnits.body()).isEqualTo(400);
        assertThat(json.readTree(zeroUnits.body()).get("error").asString())
                .isEqualTo("Layer 1 (dense 0): units is 0; it must be at least 1.");
        assertThat(runs.count()).isEqualTo(before);
    }

    @Test
    void a_run_left_running_by_a_stopped_server_becomes_interrupted() {
        var stuck = new TrainingRun("trainee1", 1, "0".repeat(64), "ehr-mlp", "{}", 1, 3, "{}", Instant.now());
        stuck.start(Instant.now());
        runs.save(stuck);

        runService.recover();

        var after = runs.findById(stuck.getId()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(after.getMessage()).contains("server stopped");
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

    private JsonNode waitUntilFinished(long id, TestUsers.Credentials who) throws Exception {
        for (int i = 0; i < 600; i++) {
            var run =
                    json.readTree(TestUsers.get(port, "/api/v1/runs/" + id, who).body());
            var status = RunStatus.valueOf(run.get("status").asString());
            if (status.finished()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish in 60 s");
    }

    private HttpResponse<String> post(String path, String body, TestUsers.Credentials who) {
        return TestUsers.postJson(port, path, body, who);
    }
}
