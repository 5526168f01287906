package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Map;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deleting a dataset that runs or lessons use is refused with a 409 naming them (runs of users the caller may not
 * see only counted); a dataset nothing uses is deleted with its files; a deletion that fails leaves row and files as
 * they were. (A run trained on a dataset, with its evaluation still answering: {@code e2e/DatasetDeletionBrowserTest}.)
 */
@IntegrationTest
class DatasetDeletionTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    DatasetService datasets;

    @Autowired
    DatasetRepository repository;

    @Autowired
    DatasetStorage storage;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_sample_that_lessons_open_is_refused_naming_the_lessons_and_stays_whole() throws Exception {
        long sample = datasets.sampleId(SampleLibrary.PROMOTERS).orElseThrow();

        var refused = TestUsers.send(port, "DELETE", "/api/v1/datasets/" + sample, TestUsers.INSTRUCTOR);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        var body = json.readTree(refused.body());
        assertThat(body.get("error").asString())
                .contains(
                        "is in use and was not deleted",
                        "Genomics: a network that reads DNA and finds a promoter: Filters as motifs");
        var lessons = uses(body, "lesson");
        assertThat(lessons).extracting(u -> u.get("id").asString()).contains("genomics-motif-cnn");
        assertThat(lessons).allSatisfy(u -> assertThat(u.get("owner").isNull()).isTrue());
        assertThat(TestUsers.get(port, "/api/v1/datasets/" + sample, TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(200);
        assertThat(storage.folder(keyOf(sample)).resolve("splits.bin")).exists();
    }

    @Test
    void a_trainee_is_told_how_many_runs_of_others_use_their_dataset_but_not_whose() throws Exception {
        long dataset = importAs(TestUsers.TRAINEE, "Trainee1's table");
        var submitted = TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"ehr-mlp\", \"overrides\": {\"epochs\": 1}}",
                TestUsers.ADMIN);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long run = json.readTree(submitted.body()).get("id").asLong();

        var toTrainee = TestUsers.send(port, "DELETE", "/api/v1/datasets/" + dataset, TestUsers.TRAINEE);
        assertThat(toTrainee.statusCode()).as(toTrainee.body()).isEqualTo(409);
        var body = json.readTree(toTrainee.body());
        assertThat(body.get("usedBy")).isEmpty();
        assertThat(body.get("othersNotShown").asInt()).isEqualTo(1);
        assertThat(body.get("error").asString()).contains("1 training run of another user");
        assertThat(toTrainee.body()).doesNotContain("admin", "Run " + run);

        var toAdmin = TestUsers.send(port, "DELETE", "/api/v1/datasets/" + dataset, TestUsers.ADMIN);
        assertThat(toAdmin.statusCode()).isEqualTo(409);
        var runs = uses(json.readTree(toAdmin.body()), "run");
        assertThat(runs).hasSize(1);
        assertThat(runs.getFirst().get("id").asString()).isEqualTo(Long.toString(run));
        assertThat(runs.getFirst().get("owner").asString()).isEqualTo("admin");
        assertThat(runs.getFirst().get("name").asString()).startsWith("Run " + run + ": ehr-mlp, ");
        assertThat(TestUsers.get(port, "/api/v1/datasets/" + dataset, TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_dataset_nothing_uses_is_deleted_with_its_files() throws Exception {
        long dataset = importAs(TestUsers.TRAINEE, "Unused table");
        var folder = storage.folder(keyOf(dataset));
        assertThat(folder).exists();

        var deleted = TestUsers.send(port, "DELETE", "/api/v1/datasets/" + dataset, TestUsers.TRAINEE);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(TestUsers.get(port, "/api/v1/datasets/" + dataset, TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(404);
        assertThat(folder).doesNotExist();
        assertThat(dataDirectory.resolve("datasets/.deleted").resolve(folder.getFileName()))
                .doesNotExist();
    }

    @Test
    @WithMockUser(username = "trainee1", roles = "TRAINEE")
    void a_deletion_that_does_not_commit_leaves_the_row_and_every_file_in_place() throws Exception {
        long dataset = importAs(TestUsers.TRAINEE, "Kept table");
        var folder = storage.folder(keyOf(dataset));
        long filesBefore;
        try (var files = Files.walk(folder)) {
            filesBefore = files.count();
        }

        transactions.executeWithoutResult(status -> {
            datasets.delete(dataset);
            assertThat(folder).as("set aside while the deletion is open").doesNotExist();
            status.setRollbackOnly(); // as if the commit failed
        });

        assertThat(datasets.get(dataset).name()).isEqualTo("Kept table");
        try (var files = Files.walk(folder)) {
            assertThat(files.count()).isEqualTo(filesBefore);
        }
        var examples = new ArrayList<Example>();
        datasets.readExamples(dataset, Split.TRAIN, examples::add);
        assertThat(examples).isNotEmpty();
    }

    @Test
    @WithMockUser(username = "trainee1", roles = "TRAINEE")
    void a_run_submitted_while_its_dataset_is_being_deleted_waits_and_then_finds_no_dataset() throws Exception {
        long dataset = importAs(TestUsers.TRAINEE, "Deleted under a run");
        var submitted = new java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>();

        transactions.executeWithoutResult(status -> {
            datasets.delete(dataset); // the row is locked and deleted; the deletion has not committed yet
            Thread.ofPlatform()
                    .start(() -> submitted.complete(TestUsers.postJson(
                            port,
                            "/api/v1/runs",
                            "{\"datasetId\": " + dataset + ", \"template\": \"ehr-mlp\"}",
                            TestUsers.TRAINEE)));
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(submitted).as("the run waits for the deletion").isNotDone();
        });

        var response = submitted.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).contains("No dataset with id " + dataset);
        var runs = json.readTree(
                TestUsers.get(port, "/api/v1/runs", TestUsers.TRAINEE).body());
        runs.forEach(run -> assertThat(run.get("datasetId").asLong()).isNotEqualTo(dataset));
    }

    @Test
    void a_deletion_a_crash_interrupted_is_finished_at_start() throws Exception {
        long kept = importAs(TestUsers.TRAINEE, "Set aside, row kept");
        var key = keyOf(kept);
        assertThat(storage.setAside(key)).isTrue(); // the crash came before the row's deletion committed
        var orphan = dataDirectory.resolve("datasets/.deleted/orphan-of-a-committed-deletion");
        Files.createDirectories(orphan);
        Files.writeString(orphan.resolve("source.csv"), "a,y\n");

        new SetAsideRecovery(storage, repository).run(null);

        assertThat(storage.folder(key).resolve("splits.bin")).exists();
        assertThat(orphan).doesNotExist();
    }

    private long importAs(TestUsers.Credentials who, String name) throws Exception {
        var csv = new StringBuilder("age,marker,outcome\n");
        for (int i = 0; i < 60; i++) {
            csv.append(30 + i)
                    .append(',')
                    .append(i % 7)
                    .append(',')
                    .append(i % 2 == 0 ? "yes" : "no")
                    .append('\n');
        }
        var created = DatasetApiTest.post(
                port,
                who,
                "table.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("name", name, "targetColumn", "outcome"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    private String keyOf(long id) {
        return repository.findById(id).orElseThrow().getStorageKey();
    }

    private static java.util.List<JsonNode> uses(JsonNode body, String kind) {
        var out = new ArrayList<JsonNode>();
        body.get("usedBy").forEach(u -> {
            if (u.get("kind").asString().equals(kind)) {
                out.add(u);
            }
        });
        return out;
    }
}
