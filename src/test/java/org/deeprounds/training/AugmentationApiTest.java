package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.Augmentation;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A design with augmentation through the API: accepted, stored in the design and the run's provenance, returned as
 * sent, trained, and shown in the model card; the stored model's validation loss and test predictions are those of the
 * unchanged images. Out-of-range settings and augmentation of a table are refused with 400, naming the field.
 */
@IntegrationTest
class AugmentationApiTest {

    static final Augmentation AUGMENTATION = new Augmentation(true, 10, 0.1, 0.1, 0.2, 0.02);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    RunService runService;

    @Autowired
    TrainingRunRepository runs;

    @Autowired
    DatasetService datasets;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_design_with_augmentation_is_stored_returned_trained_and_described() throws Exception {
        long films = datasets.sampleId("pneumoniamnist-balanced").orElseThrow();
        var body = body(films, design("imaging-cnn", 3).withAugmentation(AUGMENTATION));

        var submitted = post(body);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json.readTree(submitted.body()).get("id").asLong();
        var run = waitUntilFinished(id);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        var stored = run.get("spec").get("augmentation");
        assertThat(json.treeToValue(stored, Augmentation.class)).isEqualTo(AUGMENTATION);
        var provenance = json.readTree(runs.findById(id).orElseThrow().getProvenanceJson());
        assertThat(provenance.get("augmentation").get("description").asString())
                .isEqualTo("flip left-right, rotate up to ±10°, shift up to ±10%, brightness ±10%, contrast ±20%,"
                        + " noise (SD 2%)");
        assertThat(provenance.get("augmentation").get("rotationDegrees").asDouble())
                .isEqualTo(10.0);
        assertThat(provenance.get("augmentation").get("appliedTo").asString()).startsWith("training split only");

        var card = TestUsers.get(port, "/api/v1/runs/" + id + "/model-card", TestUsers.TRAINEE);
        assertThat(card.body())
                .contains("Augmentation: flip left-right, rotate up to ±10°, shift up to ±10%")
                .contains("validation and test images were not changed");

        // What the stored model says about the unchanged images is what the run and its evaluation report.
        var model = ModelSerializer.restoreMultiLayerNetwork(
                runService.runFolder(id).resolve(RunService.MODEL_FILE).toFile());
        var spec = json.treeToValue(run.get("spec"), NetworkSpec.class);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("trainee1", null, "ROLE_TRAINEE"));
        var validation = new ArrayList<Example>();
        datasets.readExamples(films, Split.VALIDATION, validation::add);
        var validationData =
                Trainer.SplitData.of(validation, spec.input(), spec.classes()).data();
        int kept = run.get("bestEpoch").asInt();
        assertThat(Trainer.crossEntropy(
                        model.output(validationData.getFeatures(), false),
                        validationData.getLabels(),
                        java.util.List.of()))
                .as("the kept epoch's validation loss, recomputed on the stored validation images")
                .isCloseTo(
                        run.get("history").get(kept - 1).get("validationLoss").asDouble(), within(1e-5));
        var test = new ArrayList<Example>();
        datasets.readTestExamples(films, test::add);
        var testOutput = model.output(
                Trainer.SplitData.of(test, spec.input(), spec.classes()).data().getFeatures(), false);
        var predictions = json.readTree(TestUsers.get(port, "/api/v1/runs/" + id + "/predictions", TestUsers.TRAINEE)
                .body());
        var classes = datasets.get(films).classes();
        assertThat(predictions.size()).isEqualTo(test.size());
        for (int i = 0; i < test.size(); i++) {
            for (int c = 0; c < spec.classes(); c++) {
                assertThat(predictions
                                .get(i)
                                .get("probabilities")
                                .get(classes.get(c))
                                .asDouble())
                        .as("test case %d, class %d: predicted from the image as stored", i + 1, c)
                        .isCloseTo(testOutput.getDouble(i, c), within(1e-5));
            }
        }
    }

    @Test
    void out_of_range_settings_and_augmenting_a_table_are_refused_naming_the_field() throws Exception {
        long films = datasets.sampleId("pneumoniamnist-balanced").orElseThrow();
        long biopsies = datasets.sampleId("wdbc-breast-cancer").orElseThrow();
        long before = runs.count();

        var tooMuch = post(body(
                films, design("imaging-cnn", 1).withAugmentation(new Augmentation(true, 45, 0.5, 0.6, -0.1, 0.3))));
        var nan = post(body(
                films, design("imaging-cnn", 1).withAugmentation(new Augmentation(false, Double.NaN, 0, 0, 0, 0))));
        var table = post(body(biopsies, design("ehr-mlp", 1).withAugmentation(new Augmentation(true, 0, 0, 0, 0, 0))));

        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(400);
        assertThat(json.readTree(tooMuch.body()).get("error").asString())
                .contains("Augmentation rotationDegrees 45: use 0 to 30 degrees either way.")
                .contains("Augmentation shiftFraction 0.5: use 0 to 0.2 of the width and height.")
                .contains("Augmentation brightness 0.6: use 0 to 0.5")
                .contains("Augmentation contrast -0.1: use 0 to 0.5")
                .contains("Augmentation noise 0.3: use 0 to 0.2");
        assertThat(nan.statusCode()).as(nan.body()).isEqualTo(400);
        assertThat(json.readTree(nan.body()).get("error").asString()).contains("Augmentation rotationDegrees NaN");
        assertThat(table.statusCode()).as(table.body()).isEqualTo(400);
        assertThat(json.readTree(table.body()).get("error").asString())
                .isEqualTo("Augmentation: flips, rotations, shifts, brightness, contrast and noise change images, but"
                        + " this dataset holds table rows; leave augmentation out (\"augmentation\": null).");
        assertThat(runs.count()).as("nothing queued").isEqualTo(before);
    }

    /** A template's design without input and classes, which the server fills in from the dataset. */
    private NetworkSpec design(String template, int epochs) {
        var spec = Templates.create(template, InputShape.tabular(1), 2).withTraining(0.001, 64, epochs, 9);
        return new NetworkSpec(
                null,
                spec.layers(),
                0,
                spec.optimiser(),
                spec.learningRate(),
                spec.schedule(),
                spec.l2(),
                spec.batchSize(),
                spec.epochs(),
                spec.seed(),
                null,
                spec.augmentation());
    }

    private String body(long datasetId, NetworkSpec spec) {
        ObjectNode request = json.createObjectNode();
        request.put("datasetId", datasetId);
        request.set("spec", json.valueToTree(spec));
        return json.writeValueAsString(request);
    }

    private JsonNode waitUntilFinished(long id) throws Exception {
        for (int i = 0; i < 1200; i++) {
            var run = json.readTree(
                    TestUsers.get(port, "/api/v1/runs/" + id, TestUsers.TRAINEE).body());
            if (RunStatus.valueOf(run.get("status").asString()).finished()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish in 120 s");
    }

    private HttpResponse<String> post(String body) {
        return TestUsers.postJson(port, "/api/v1/runs", body, TestUsers.TRAINEE);
    }
}
