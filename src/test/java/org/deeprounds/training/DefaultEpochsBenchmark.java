package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The template defaults let validation decide: trained through the service on the real sets in ../shared/datasets,
 * each stops early (the kept epoch is not the last) within a minute, and is then scored once on its test split. The
 * promoter test split holds 16 sequences (one moves accuracy by 6 points), so the genomics templates are also trained
 * on repeated random stratified splits of all 106. Prints DEFAULTS and SPLITS lines for docs/benchmarks.md. Not part
 * of the normal test run: {@code mvn test -Dtest=DefaultEpochsBenchmark -Dbenchmark=true}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@EnabledIf("sharedDatasetsPresent")
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class DefaultEpochsBenchmark {

    static final Path SHARED = Path.of("..", "shared", "datasets");
    /** The budget for one default run on 2 cores, from submission to the stored model. */
    static final Duration BUDGET = Duration.ofSeconds(60);
    /** Random splits of the promoters; each trains in about a second. */
    static final int SPLITS = 30;
    /** The server's default early-stopping patience ({@link TrainingSettings}). */
    static final int PATIENCE = 5;

    @Autowired
    DatasetService datasets;

    @Autowired
    RunService runs;

    static boolean sharedDatasetsPresent() {
        return Files.isDirectory(SHARED);
    }

    @Test
    void every_template_default_stops_early_within_a_minute_on_real_data() throws Exception {
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
        var wisconsin = importFile(
                "ehr/wisconsin-original-breast-cancer.csv",
                new DatasetService.ImportRequest(
                        "Wisconsin original",
                        null,
                        "Class",
                        "Id",
                        List.of(),
                        null,
                        List.of(),
                        null,
                        "CC BY 4.0",
                        null));

        var lines = new ArrayList<String>();
        var failures = new ArrayList<String>();
        for (var run : List.of(
                new Object[] {"imaging-cnn", pneumonia},
                new Object[] {"genomics-cnn", promoters},
                new Object[] {"genomics-position-cnn", promoters},
                new Object[] {"sequence-lstm", promoters},
                new Object[] {"ehr-mlp", wdbc},
                new Object[] {"ehr-mlp", wisconsin})) {
            trainAndTest((String) run[0], (DatasetInfo) run[1], lines, failures);
        }
        lines.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    @Test
    void the_genomics_templates_on_repeated_splits_of_the_promoters() throws Exception {
        var promoters =
                importFile("genomics/ecoli-promoters.fasta", DatasetService.ImportRequest.named("E. coli promoters"));
        var all = new ArrayList<Example>();
        datasets.readExamplesFor("instructor", true, promoters.id(), Split.TRAIN, all::add);
        datasets.readExamplesFor("instructor", true, promoters.id(), Split.VALIDATION, all::add);
        datasets.readTestExamples(promoters.id(), all::add);
        var input = InputShape.sequence(4, 57);
        var trainer = new Trainer(Clock.systemUTC());
        for (var template : List.of("genomics-cnn", "genomics-position-cnn")) {
            var spec = Templates.create(template, input, 2);
            var accuracies = new ArrayList<Double>();
            double auc = 0;
            double kept = 0;
            double trained = 0;
            int keptLast = 0;
            int maxKept = 0;
            long nanos = 0;
            for (int s = 0; s < SPLITS; s++) {
                var parts = stratified(all, s);
                long start = System.nanoTime();
                var result = trainer.train(
                        spec,
                        Trainer.SplitData.of(parts.get(0), input, 2),
                        Trainer.SplitData.of(parts.get(1), input, 2),
                        Duration.ofMinutes(5),
                        PATIENCE,
                        Trainer.SILENT);
                nanos += System.nanoTime() - start;
                var test = Trainer.SplitData.of(parts.get(2), input, 2).data();
                var output = result.model().output(test.getFeatures(), false);
                var evaluation = new Evaluation(2);
                evaluation.eval(test.getLabels(), output);
                var roc = new ROC(0);
                roc.eval(test.getLabels(), output);
                accuracies.add(evaluation.accuracy());
                auc += roc.calculateAUC();
                kept += result.bestEpoch();
                maxKept = Math.max(maxKept, result.bestEpoch());
                trained += result.epochs().size();
                keptLast += result.bestEpoch() == result.epochs().size() ? 1 : 0;
            }
            double mean = accuracies.stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            double sd = Math.sqrt(accuracies.stream()
                            .mapToDouble(a -> (a - mean) * (a - mean))
                            .sum()
                    / (SPLITS - 1));
            System.out.println(String.format(
                    Locale.ROOT,
                    "SPLITS template=%s splits=%d train/val/test=74/16/16 max_epochs=%d mean_kept_epoch=%.1f"
                            + " max_kept_epoch=%d mean_epochs_trained=%.1f kept_is_last=%d/%d mean_seconds=%.2f"
                            + " test_accuracy=%.3f (sd %.3f, 95%% CI of the mean %.3f-%.3f) test_auc=%.3f",
                    template,
                    SPLITS,
                    spec.epochs(),
                    kept / SPLITS,
                    maxKept,
                    trained / SPLITS,
                    keptLast,
                    SPLITS,
                    nanos / 1e9 / SPLITS,
                    mean,
                    sd,
                    mean - 1.96 * sd / Math.sqrt(SPLITS),
                    mean + 1.96 * sd / Math.sqrt(SPLITS),
                    auc / SPLITS));
        }
    }

    @Test
    void class_weights_on_chest_films_with_one_class_in_four() throws Exception {
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
        for (int rare : List.of(1, 0)) {
            weighAgainstPlain(pneumonia, rare);
        }
    }

    /** imaging-cnn with and without class weights, trained on one {@code rare} film in four, tested balanced. */
    private void weighAgainstPlain(DatasetInfo pneumonia, int rare) throws IOException {
        var train = oneInFour(pneumonia, Split.TRAIN, rare);
        var validation = oneInFour(pneumonia, Split.VALIDATION, rare);
        var test = new ArrayList<Example>();
        datasets.readTestExamples(pneumonia.id(), test::add);
        var input = InputShape.image(28, 28, 1);
        var counts = new java.util.HashMap<String, Integer>();
        train.forEach(e -> counts.merge(pneumonia.classes().get(e.label()), 1, Integer::sum));
        var weights = org.deeprounds.models.ClassWeights.byRarity(pneumonia.classes(), counts);
        var trainer = new Trainer(Clock.systemUTC());
        for (var spec : List.of(
                Templates.create("imaging-cnn", input, 2),
                Templates.create("imaging-cnn", input, 2).withClassWeights(weights))) {
            long start = System.nanoTime();
            var result = trainer.train(
                    spec,
                    Trainer.SplitData.of(train, input, 2),
                    Trainer.SplitData.of(validation, input, 2),
                    Duration.ofMinutes(5),
                    PATIENCE,
                    Trainer.SILENT);
            var seconds = (System.nanoTime() - start) / 1e9;
            var data = Trainer.SplitData.of(test, input, 2).data();
            var output = result.model().output(data.getFeatures(), false);
            var evaluation = new Evaluation(2);
            evaluation.eval(data.getLabels(), output);
            var roc = new ROC(0);
            roc.eval(data.getLabels(), output);
            System.out.println(String.format(
                    Locale.ROOT,
                    "WEIGHTS template=imaging-cnn train=%d (%s %d) class_weights=%s epochs_trained=%d"
                            + " kept_epoch=%d seconds=%.1f test=%d (balanced) sensitivity@0.5=%.3f"
                            + " specificity@0.5=%.3f test_auc=%.3f",
                    train.size(),
                    pneumonia.classes().get(rare),
                    counts.get(pneumonia.classes().get(rare)),
                    spec.classWeights().isEmpty() ? "none" : spec.classWeights(),
                    result.epochs().size(),
                    result.bestEpoch(),
                    seconds,
                    test.size(),
                    evaluation.recall(1),
                    evaluation.recall(0),
                    roc.calculateAUC()));
        }
    }

    /** All films of the other class of a split and a third as many of class {@code rare}: one in four. */
    private List<Example> oneInFour(DatasetInfo dataset, Split split, int rare) throws IOException {
        var common = new ArrayList<Example>();
        var few = new ArrayList<Example>();
        datasets.readExamplesFor(
                "instructor", true, dataset.id(), split, e -> (e.label() == rare ? few : common).add(e));
        var out = new ArrayList<>(common);
        out.addAll(few.subList(0, common.size() / 3));
        return out;
    }

    private void trainAndTest(String template, DatasetInfo dataset, List<String> lines, List<String> failures)
            throws Exception {
        // Wall time from submission to the stored model: the tests' clock is frozen, so not the run's timestamps.
        long start = System.nanoTime();
        var run = runs.submit(dataset.id(), template, null, null);
        while (!runs.get(run.id()).status().finished()) {
            Thread.sleep(100);
        }
        var done = runs.get(run.id());
        var seconds = (System.nanoTime() - start) / 1e9;
        assertThat(done.status()).as(done.message()).isEqualTo(RunStatus.COMPLETED);
        var model = ModelSerializer.restoreMultiLayerNetwork(
                runs.runFolder(run.id()).resolve(RunService.MODEL_FILE).toFile());
        var test = new ArrayList<Example>();
        datasets.readTestExamples(dataset.id(), test::add);
        var spec = done.spec();
        var data = Trainer.SplitData.of(test, spec.input(), spec.classes()).data();
        var output = model.output(data.getFeatures(), false);
        var roc = new ROC(0);
        roc.eval(data.getLabels(), output);
        var evaluation = new Evaluation(spec.classes());
        evaluation.eval(data.getLabels(), output);
        var line = String.format(
                Locale.ROOT,
                "DEFAULTS template=%s dataset=%s train=%d test=%d max_epochs=%d epochs_trained=%d kept_epoch=%d"
                        + " wall_seconds=%.1f test_auc=%.3f test_accuracy=%.3f",
                template,
                dataset.name().replace(' ', '_'),
                dataset.splits().get("train").size(),
                test.size(),
                spec.epochs(),
                done.epoch(),
                done.bestEpoch(),
                seconds,
                roc.calculateAUC(),
                evaluation.accuracy());
        lines.add(line);
        if (done.bestEpoch() >= done.epoch()) {
            failures.add("kept epoch is the last: " + line);
        }
        if (seconds > BUDGET.toSeconds()) {
            failures.add("over " + BUDGET.toSeconds() + " s: " + line);
        }
    }

    /** Stratified 70/15/15 of all examples, seeded per split (like the product's own splitter, another seed). */
    private static List<List<Example>> stratified(List<Example> all, int seed) {
        var byClass = new LinkedHashMap<Integer, List<Example>>();
        for (var example : all) {
            byClass.computeIfAbsent(example.label(), k -> new ArrayList<>()).add(example);
        }
        var train = new ArrayList<Example>();
        var validation = new ArrayList<Example>();
        var test = new ArrayList<Example>();
        var random = new Random(1000L + seed);
        for (var members : byClass.values()) {
            var shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            int held = Math.round(shuffled.size() * 0.15f);
            test.addAll(shuffled.subList(0, held));
            validation.addAll(shuffled.subList(held, 2 * held));
            train.addAll(shuffled.subList(2 * held, shuffled.size()));
        }
        return List.of(train, validation, test);
    }

    private DatasetInfo importFile(String relative, DatasetService.ImportRequest request) throws IOException {
        var file = SHARED.resolve(relative);
        try (var in = Files.newInputStream(file)) {
            return datasets.importUpload(
                    request, new DatasetService.Upload(file.getFileName().toString(), in), null);
        }
    }
}
