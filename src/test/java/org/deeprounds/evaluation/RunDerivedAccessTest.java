package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.datasets.DatasetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * One access rule for a run and everything derived from it: whoever may see a run (its trainee, their instructor,
 * administrators) may see its evaluation and model card, also when the run trained on the trainee's own dataset.
 */
@IntegrationTest
class RunDerivedAccessTest {

    private static final TestUsers.Credentials OTHER_TRAINEE =
            new TestUsers.Credentials("trainee2", "Learn-Rounds-2026b");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    DatasetService datasets;

    @Test
    @WithMockUser(username = "trainee1", roles = "TRAINEE") // the dataset below is trainee1's own
    void the_instructor_sees_everything_derived_from_a_run_on_a_trainees_own_dataset() throws Exception {
        var csv = new StringBuilder("age,marker,outcome\n");
        var random = new Random(3);
        for (int i = 0; i < 240; i++) {
            double marker = random.nextGaussian();
            csv.append(40 + random.nextInt(40))
                    .append(',')
                    .append(marker)
                    .append(',')
                    .append(marker > 0 ? "yes" : "no")
                    .append('\n');
        }
        var request = new DatasetService.ImportRequest(
                "trainee1's own table", null, "outcome", null, List.of(), "yes", List.of(), null, null, null);
        long dataset = datasets.importUpload(
                        request,
                        new DatasetService.Upload(
                                "own.csv",
                                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))),
                        null)
                .id();
        var submitted = TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset
                        + ", \"template\": \"ehr-mlp\", \"overrides\": {\"epochs\": 2, \"seed\": 1}}",
                TestUsers.TRAINEE);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json.readTree(submitted.body()).get("id").asLong();
        waitUntilCompleted(id);

        for (var path : List.of("", "/predictions", "/layers", "/evaluation", "/model-card")) {
            for (var who : List.of(TestUsers.TRAINEE, TestUsers.INSTRUCTOR, TestUsers.ADMIN)) {
                var response = TestUsers.get(port, "/api/v1/runs/" + id + path, who);
                assertThat(response.statusCode())
                        .as(who.username() + " GET " + path + ": " + response.body())
                        .isEqualTo(200);
            }
            assertThat(TestUsers.get(port, "/api/v1/runs/" + id + path, OTHER_TRAINEE)
                            .statusCode())
                    .as("another trainee is refused: " + path)
                    .isIn(403, 404);
        }
        assertThat(TestUsers.get(port, "/api/v1/datasets/" + dataset, TestUsers.INSTRUCTOR)
                        .statusCode())
                .as("seeing a run's evaluation does not open the trainee's dataset itself")
                .isEqualTo(404);
    }

    private void waitUntilCompleted(long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            var run = json.readTree(
                    TestUsers.get(port, "/api/v1/runs/" + id, TestUsers.TRAINEE).body());
            if (!List.of("QUEUED", "RUNNING").contains(run.get("status").asString())) {
                assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
