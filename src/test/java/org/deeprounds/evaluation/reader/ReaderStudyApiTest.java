package org.deeprounds.evaluation.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trainee reads ten test cases of their run over the API without the model, then with it; the results count their
 * calls, the model's on the same cases, and the switches; order, access and bad input are enforced.
 */
@IntegrationTest
class ReaderStudyApiTest {

    static final TestUsers.Credentials OWNER = new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void a_reader_reads_unassisted_then_assisted_and_sees_their_figures_against_the_model() throws Exception {
        long run = trainedRun();
        var created = TestUsers.postJson(
                port, "/api/v1/runs/" + run + "/reader-studies", "{\"cases\": 10, \"seed\": 7}", OWNER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var study = json.readTree(created.body());
        long id = study.get("id").asLong();
        assertThat(study.get("runId").asLong()).isEqualTo(run);
        var ids = new ArrayList<String>();
        study.get("cases").forEach(c -> ids.add(c.get("caseId").asString()));
        assertThat(ids).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("case-\\d+"));

        // What the reader sees: the patient's row, no label, no row id, no model before the second round.
        var first = read(TestUsers.get(
                port, "/api/v1/reader-studies/" + id + "/cases/" + ids.getFirst() + "?phase=unassisted", OWNER));
        assertThat(first.get("modality").asString()).isEqualTo("tabular");
        assertThat(first.get("values").has("mean_radius")).isTrue();
        assertThat(first.get("values").has("diagnosis")).isFalse();
        assertThat(first.get("values").has("case_id")).isFalse();
        assertThat(first.get("modelProbability").isNull()).isTrue();
        assertThat(first.get("classes").toString()).contains("benign", "malignant");

        // Out of order, bad input, other people.
        var early = TestUsers.get(
                port, "/api/v1/reader-studies/" + id + "/cases/" + ids.getFirst() + "?phase=assisted", OWNER);
        assertThat(early.statusCode()).isEqualTo(409);
        var earlyRead = put(id, ids.getFirst(), "assisted", "malignant", 3, OWNER);
        assertThat(earlyRead.statusCode()).isEqualTo(409);
        assertThat(earlyRead.body()).contains("unassisted round comes first");
        var unknown = put(id, ids.getFirst(), "unassisted", "cancer", 3, OWNER);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("label must be one of the classes", "benign", "malignant");
        assertThat(put(id, ids.getFirst(), "unassisted", "malignant", 7, OWNER).statusCode())
                .isEqualTo(400);
        assertThat(TestUsers.get(port, "/api/v1/reader-studies/" + id + "/results", TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.get(port, "/api/v1/reader-studies/" + id + "/cases/" + ids.getFirst(), TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.postJson(
                                port, "/api/v1/runs/" + run + "/reader-studies", "{\"cases\": 10}", TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestUsers.postJson(port, "/api/v1/runs/" + run + "/reader-studies", "{\"cases\": 1}", OWNER)
                        .body())
                .contains("cases must be from 2 to");

        // Unassisted: everything malignant. Sensitivity 1, specificity 0.
        for (var c : ids) {
            assertThat(put(id, c, "unassisted", "malignant", 4, OWNER).statusCode())
                    .isEqualTo(204);
        }
        var halfway = read(TestUsers.get(port, "/api/v1/reader-studies/" + id + "/results", OWNER));
        assertThat(halfway.get("unassisted").get("sensitivity").asDouble()).isEqualTo(1.0);
        assertThat(halfway.get("unassisted").get("specificity").asDouble()).isEqualTo(0.0);
        assertThat(halfway.get("assisted").isNull()).isTrue();
        long positives = halfway.get("unassisted").get("tp").asLong();
        assertThat(positives).as("stratified: both classes among ten").isBetween(1L, 9L);

        // Assisted: follow the model at 0.5 on every case. The reader's calls become the model's.
        for (var c : ids) {
            var seen = read(
                    TestUsers.get(port, "/api/v1/reader-studies/" + id + "/cases/" + c + "?phase=assisted", OWNER));
            double p = seen.get("modelProbability").asDouble();
            assertThat(p).isBetween(0.0, 1.0);
            assertThat(put(id, c, "assisted", p >= 0.5 ? "malignant" : "benign", 5, OWNER)
                            .statusCode())
                    .isEqualTo(204);
        }
        var results = read(TestUsers.get(port, "/api/v1/reader-studies/" + id + "/results", OWNER));
        var assisted = results.get("assisted");
        var model = results.get("model");
        assertThat(model.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(assisted.get("sensitivity").asDouble())
                .isEqualTo(model.get("sensitivity").asDouble());
        assertThat(assisted.get("specificity").asDouble())
                .isEqualTo(model.get("specificity").asDouble());
        // From "all malignant": a malignant case the model calls benign went right → wrong; a benign one, wrong →
        // right.
        assertThat(results.get("switches").get("rightToWrong").asLong())
                .isEqualTo(assisted.get("fn").asLong());
        assertThat(results.get("switches").get("wrongToRight").asLong())
                .isEqualTo(assisted.get("tn").asLong());
        assertThat(model.get("auc").asDouble()).isBetween(0.0, 1.0);
    }

    private java.net.http.HttpResponse<String> put(
            long study, String caseId, String phase, String label, int confidence, TestUsers.Credentials who) {
        return TestUsers.putJson(
                port,
                "/api/v1/reader-studies/" + study + "/reads/" + caseId,
                "{\"phase\": \"" + phase + "\", \"label\": \"" + label + "\", \"confidence\": " + confidence + "}",
                who);
    }

    private JsonNode read(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private long trainedRun() throws Exception {
        long dataset = -1;
        for (JsonNode d :
                json.readTree(TestUsers.get(port, "/api/v1/datasets", OWNER).body())) {
            if (d.get("name").asString().startsWith("Breast cancer biopsies")) {
                dataset = d.get("id").asLong();
            }
        }
        long id = read(TestUsers.postJson(
                        port,
                        "/api/v1/runs",
                        "{\"datasetId\": " + dataset + ", \"template\": \"ehr-mlp\", \"overrides\": {\"epochs\": 3}}",
                        OWNER))
                .get("id")
                .asLong();
        for (int i = 0; i < 600; i++) {
            var status = read(TestUsers.get(port, "/api/v1/runs/" + id, OWNER))
                    .get("status")
                    .asString();
            if (!List.of("QUEUED", "RUNNING").contains(status)) {
                assertThat(status).isEqualTo("COMPLETED");
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
