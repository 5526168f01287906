package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.models.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.evaluation.classification.ROC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The template defaults are the lesson defaults: each trains through the service on a real dataset from
 * ../shared/datasets and is scored once on the held-out test split. Prints one TEMPLATE line per template for
 * docs/benchmarks.md. Not part of the normal test run: {@code mvn test -Dtest=TemplateDefaultsBenchmark
 * -Dbenchmark=true}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@EnabledIf("sharedDatasetsPresent")
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class TemplateDefaultsBenchmark {

    static final Path SHARED = Path.of("..", "shared", "datasets");

    @Autowired
    DatasetService datasets;

    @Autowired
    RunService runs;

    static boolean sharedDatasetsPresent() {
        return Files.isDirectory(SHARED);
    }

    @Test
    void each_template_reaches_a_sensible_test_auc_on_real_data_within_minutes() throws Exception {
        var pneumonia = importFile(
                "imaging/pneumoniamnist-balanced.npz",
                new DatasetService.ImportRequest(
                        "PneumoniaMNIST (balanced subset)",
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        List.of("normal", "pneumonia"),
                        null,
                        "CC BY 4.0",
                        null));
        var promoters =
                importFile("genomics/ecoli-promoters.fasta", DatasetService.ImportRequest.named("E. coli promoters"));
        var wdbc = importFile(
                "ehr/wdbc-breast-cancer.csv",
                new DatasetService.ImportRequest(
                        "WDBC", null, "diagnosis", null, List.of(), null, List.of(), null, "CC BY 4.0", null));

        var lines = new ArrayList<String>();
        lines.add(trainAndTest("imaging-cnn", pneumonia, 0.85, Duration.ofMinutes(5)));
        lines.add(trainAndTest("genomics-cnn", promoters, 0.75, Duration.ofMinutes(5)));
        lines.add(trainAndTest("sequence-lstm", promoters, 0.5, Duration.ofMinutes(10)));
        lines.add(trainAndTest("ehr-mlp", wdbc, 0.95, Duration.ofMinutes(5)));
        lines.forEach(System.out::println);
    }

    private String trainAndTest(String template, DatasetInfo dataset, double minAuc, Duration maxTime)
            throws Exception {
        // Wall time from submission to the stored model: the tests' clock is frozen, so not the run's timestamps.
        long start = System.nanoTime();
        var run = runs.submit(dataset.id(), template, null, null);
        while (!runs.get(run.id()).status().finished()) {
            Thread.sleep(200);
        }
        var done = runs.get(run.id());
        assertThat(done.status()).as(done.message()).isEqualTo(RunStatus.COMPLETED);
        var seconds = (System.nanoTime() - start) / 1e9;
        var model = ModelSerializer.restoreMultiLayerNetwork(
                runs.runFolder(run.id()).resolve(RunService.MODEL_FILE).toFile());
        var test = new ArrayList<Example>();
        datasets.readTestExamples(dataset.id(), test::add);
        NetworkSpec spec = done.spec();
        var data = Trainer.SplitData.of(test, spec.input(), spec.classes()).data();
        var output = model.output(data.getFeatures(), false);
        var roc = new ROC(0);
        roc.eval(data.getLabels(), output);
        var evaluation = new org.nd4j.evaluation.classification.Evaluation(spec.classes());
        evaluation.eval(data.getLabels(), output);
        var line = String.format(
                Locale.ROOT,
                "TEMPLATE template=%s dataset=%s train=%d test=%d epochs=%d best_epoch=%d train_seconds=%.1f"
                        + " test_auc=%.3f test_accuracy=%.3f",
                template,
                dataset.name().replace(' ', '_'),
                dataset.splits().get("train").size(),
                test.size(),
                done.epoch(),
                done.bestEpoch(),
                seconds,
                roc.calculateAUC(),
                evaluation.accuracy());
        assertThat(roc.calculateAUC()).as(line).isGreaterThanOrEqualTo(minAuc);
        assertThat(seconds).as(line).isLessThan(maxTime.toSeconds());
        return line;
    }

    private DatasetInfo importFile(String relative, DatasetService.ImportRequest request) throws IOException {
        var file = SHARED.resolve(relative);
        try (var in = Files.newInputStream(file)) {
            return datasets.importUpload(
                    request, new DatasetService.Upload(file.getFileName().toString(), in), null);
        }
    }
}
