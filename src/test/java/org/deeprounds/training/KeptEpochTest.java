package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.training.ui.RunView;
import org.deeprounds.training.ui.RunsView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finished run says which epoch its model keeps and why training stopped there: {@code GET /api/v1/runs/{id}}
 * reports the kept epoch's metrics beside the latest epoch's, the run page says it in words (plainly when the kept
 * epoch is the last one trained, or when early stopping chose it), and so does the model card. Real training through
 * the API on the breast-biopsy table.
 */
@IntegrationTest
@WithMockUser(username = "kept-epoch-owner", roles = "TRAINEE")
class KeptEpochTest extends SpringBrowserlessTest {

    /** A trainee of this class's own: other tests count trainee1's and trainee2's runs. */
    static final String OWNER_NAME = "kept-epoch-owner";

    TestUsers.Credentials OWNER;

    @Autowired
    org.deeprounds.accounts.AccountService accounts;

    @org.junit.jupiter.api.BeforeEach
    void owner() {
        OWNER = org.deeprounds.curriculum.TeachingFixtures.ownTrainee(accounts, OWNER_NAME);
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    TrainingSettings settings;

    @Test
    void a_run_still_improving_at_its_last_epoch_says_so_and_keeps_that_epoch() throws Exception {
        // A low learning rate for three epochs: the validation loss is still falling when the epochs run out.
        var run = train("{\"epochs\": 3, \"learningRate\": 0.001, \"batchSize\": 32, \"seed\": 7}");

        var history = run.get("history");
        assertThat(history.get(2).get("validationLoss").asDouble())
                .as("precondition: validation improved up to the last epoch")
                .isLessThan(history.get(1).get("validationLoss").asDouble())
                .isLessThan(history.get(0).get("validationLoss").asDouble());
        assertThat(run.get("epochsTrained").asInt()).isEqualTo(3);
        assertThat(run.get("keptEpoch").asInt()).isEqualTo(3);
        assertThat(run.get("keptLastEpoch").asBoolean()).isTrue();
        assertThat(run.get("stoppedEarly").asBoolean()).isFalse();
        assertThat(run.get("stopReason").asString()).isEqualTo("ALL_EPOCHS");
        assertThat(run.get("kept")).isEqualTo(history.get(2));

        navigate(RunView.class, run.get("id").asLong());
        var kept = $(Paragraph.class).id("run-kept").getText();
        assertThat(kept)
                .isEqualTo("The model keeps epoch 3, the last one trained: the validation loss was still improving when"
                        + " training stopped, so more epochs may help. Run it again with more epochs and let early"
                        + " stopping decide when to stop.");
        assertThat(modelCard(run)).contains("Trained 3 of 3 epochs", kept, "Validation loss at the kept epoch (3)");
    }

    @Test
    void an_early_stopped_run_reports_the_epoch_early_stopping_chose_not_only_the_last_one() throws Exception {
        // A high learning rate and many epochs: the validation loss bottoms out early and early stopping ends it.
        var run = train("{\"epochs\": 100, \"learningRate\": 0.01, \"batchSize\": 32, \"seed\": 3}");

        int trained = run.get("epochsTrained").asInt();
        int kept = run.get("keptEpoch").asInt();
        var history = run.get("history");
        assertThat(history.size()).isEqualTo(trained);
        assertThat(run.get("stopReason").asString()).isEqualTo("EARLY_STOPPING");
        assertThat(run.get("stoppedEarly").asBoolean()).isTrue();
        assertThat(trained).isLessThan(100);
        assertThat(kept).as("patience epochs after the best one").isEqualTo(trained - settings.patience());
        assertThat(run.get("keptLastEpoch").asBoolean()).isFalse();
        assertThat(run.get("bestEpoch").asInt()).isEqualTo(kept);
        assertThat(kept).as("the epoch with the lowest validation loss").isEqualTo(lowestValidationLoss(history));
        assertThat(run.get("kept")).isEqualTo(history.get(kept - 1));
        // The old field keeps its meaning, the latest epoch's, now named beside it.
        var latest = run.get("latest");
        assertThat(latest).isEqualTo(history.get(trained - 1));
        assertThat(run.get("metrics").get("validationLoss").asDouble())
                .isEqualTo(latest.get("validationLoss").asDouble());
        assertThat(run.get("metrics").get("validationAuc").asDouble())
                .isEqualTo(latest.get("validationAuc").asDouble());
        assertThat(run.get("kept").get("validationLoss").asDouble())
                .isLessThan(latest.get("validationLoss").asDouble());

        navigate(RunView.class, run.get("id").asLong());
        var text = $(Paragraph.class).id("run-kept").getText();
        assertThat(text)
                .isEqualTo("Early stopping chose epoch " + kept + " of " + trained + ": the validation loss was lowest"
                        + " there and did not improve in the " + settings.patience() + " epochs after it, so training"
                        + " stopped after epoch " + trained + " of the 100 planned. The model keeps the weights of"
                        + " epoch " + kept + ".");
        assertThat(modelCard(run)).contains(text, "Validation loss at the kept epoch (" + kept + ")");

        navigate(RunsView.class);
        @SuppressWarnings("unchecked")
        Grid<RunInfo> list = $(Grid.class).single();
        var rows = test(list);
        int row = java.util.stream.IntStream.range(0, rows.size())
                .filter(i -> rows.getRow(i).id() == run.get("id").asLong())
                .findFirst()
                .orElseThrow();
        assertThat(rows.getCellText(row, 7))
                .as("the runs list shows the kept epoch's validation figures, not the last epoch's")
                .isEqualTo(String.format(
                        java.util.Locale.ROOT,
                        "AUC %.3f, loss %.3f (kept epoch %d)",
                        run.get("kept").get("validationAuc").asDouble(),
                        run.get("kept").get("validationLoss").asDouble(),
                        kept));
    }

    private static int lowestValidationLoss(JsonNode history) {
        int best = 0;
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).get("validationLoss").asDouble()
                    < history.get(best).get("validationLoss").asDouble()) {
                best = i;
            }
        }
        return best + 1;
    }

    private JsonNode train(String overrides) throws Exception {
        long dataset = -1;
        for (JsonNode d :
                json.readTree(TestUsers.get(port, "/api/v1/datasets", OWNER).body())) {
            if (d.get("name").asString().startsWith("Breast cancer biopsies")) {
                dataset = d.get("id").asLong();
            }
        }
        var submitted = TestUsers.postJson(
                port,
                "/api/v1/runs",
                "{\"datasetId\": " + dataset + ", \"template\": \"ehr-mlp\", \"overrides\": " + overrides + "}",
                OWNER);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json.readTree(submitted.body()).get("id").asLong();
        for (int i = 0; i < 600; i++) {
            var response = TestUsers.get(port, "/api/v1/runs/" + id, OWNER);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var run = json.readTree(response.body());
            if (RunStatus.valueOf(run.get("status").asString()).finished()) {
                assertThat(run.get("status").asString()).as(response.body()).isEqualTo("COMPLETED");
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish in 60 s");
    }

    private String modelCard(JsonNode run) {
        var card = TestUsers.get(port, "/api/v1/runs/" + run.get("id").asLong() + "/model-card?format=markdown", OWNER);
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        return card.body();
    }
}
