package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.evaluation.Estimate;
import org.deeprounds.evaluation.EvaluationService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The template defaults against logistic regression on public medical datasets the product was not written for, each
 * in its published split where it has one: imported through {@link DatasetService}, trained through {@link
 * RunService} with the product's early stopping, scored once on the test split by {@link EvaluationService}. The
 * logistic regression trains on exactly the same encoded training split and is scored on the same test split. Prints
 * one BASELINE line per dataset and template for docs/benchmarks.md. Needs {@code src/test/benchmark-data/prepare.sh}
 * run first (Pima, StatLog DNA); not part of the normal test run:
 * {@code mvn test -Dtest=PublishedBaselinesBenchmark -Dbenchmark=true}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@EnabledIf("benchmarkDataPresent")
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class PublishedBaselinesBenchmark {

    static final Path DATA = Path.of("target", "benchmark-data");
    static final Path SAMPLES = Path.of("sample-datasets");
    /** Logistic regression: L2 strengths tried, each with its epoch count chosen on validation log-loss. */
    static final double[] L2 = {1e-4, 1e-3, 1e-2};
    /** Full-batch Adam steps at most, with the validation loss looked at every {@link #CHECK_EVERY}. */
    static final int MAX_EPOCHS = 2000;

    static final int CHECK_EVERY = 10;
    static final double LEARNING_RATE = 0.05;
    static final long SEED = 42;

    @Autowired
    DatasetService datasets;

    @Autowired
    RunService runs;

    @Autowired
    EvaluationService evaluations;

    static boolean benchmarkDataPresent() {
        return Files.isRegularFile(DATA.resolve("statlog-dna.fasta"))
                && Files.isRegularFile(DATA.resolve("pima-indians-diabetes.csv"));
    }

    @Test
    void template_defaults_against_logistic_regression_on_the_same_splits() throws Exception {
        var wdbc = importFile(
                SAMPLES.resolve("wdbc-breast-cancer/wdbc.csv"),
                new DatasetService.ImportRequest(
                        "WDBC", null, "diagnosis", null, List.of(), null, List.of(), null, "CC BY 4.0", null));
        var wisconsin = importFile(
                SAMPLES.resolve("wisconsin-original-breast-cancer/wisconsin-original-breast-cancer.csv"),
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
        var pima = importFile(
                DATA.resolve("pima-indians-diabetes.csv"),
                new DatasetService.ImportRequest(
                        "Pima Indians Diabetes 2",
                        null,
                        "diabetes",
                        null,
                        List.of(),
                        "pos",
                        List.of(),
                        null,
                        null,
                        null));
        var dna = importFile(DATA.resolve("statlog-dna.fasta"), DatasetService.ImportRequest.named("StatLog DNA"));
        assertThat(dna.splits().get("test").size())
                .as("StatLog's published test split")
                .isEqualTo(1186);
        assertThat(dna.splits().get("train").size()
                        + dna.splits().get("validation").size())
                .isEqualTo(2000);

        var lines = new ArrayList<String>();
        for (var run : List.of(
                new Object[] {"ehr-mlp", wdbc},
                new Object[] {"ehr-mlp", wisconsin},
                new Object[] {"ehr-mlp", pima},
                new Object[] {"genomics-cnn", dna},
                new Object[] {"genomics-position-cnn", dna})) {
            lines.add(trainAndCompare((String) run[0], (DatasetInfo) run[1]));
        }
        lines.forEach(System.out::println);
    }

    private String trainAndCompare(String template, DatasetInfo dataset) throws Exception {
        // Wall time from submission to the stored model: the tests' clock is frozen, so not the run's timestamps.
        long start = System.nanoTime();
        var run = runs.submit(dataset.id(), template, null, null);
        while (!runs.get(run.id()).status().finished()) {
            Thread.sleep(100);
        }
        var seconds = (System.nanoTime() - start) / 1e9;
        var done = runs.get(run.id());
        assertThat(done.status()).as(done.message()).isEqualTo(RunStatus.COMPLETED);
        var evaluation = evaluations.evaluate(run.id(), null);
        int classes = dataset.classes().size();
        double auc = classes == 2 ? evaluation.auc().value() : evaluation.macroAuc();
        var lr = logisticRegression(dataset, classes);
        return String.format(
                Locale.ROOT,
                "BASELINE dataset=%s split=%s train/val/test=%d/%d/%d template=%s kept_epoch=%d epochs_trained=%d"
                        + " wall_seconds=%.1f test_auc=%.3f%s test_accuracy=%s | LR l2=%s epochs=%d test_auc=%.3f"
                        + " test_accuracy=%.3f",
                dataset.name().replace(' ', '_'),
                splitName(datasets.summary(dataset.id()).splitPlan().source()),
                dataset.splits().get("train").size(),
                dataset.splits().get("validation").size(),
                dataset.splits().get("test").size(),
                template,
                done.bestEpoch(),
                done.epoch(),
                seconds,
                auc,
                classes == 2
                        ? " (95% CI " + interval(evaluation.auc()) + ", "
                                + evaluation.auc().method() + ")"
                        : " (macro)",
                withInterval(evaluation.accuracy()),
                lr.l2(),
                lr.epochs(),
                lr.auc(),
                lr.accuracy());
    }

    /** What the logistic regression chose on validation and scored on test. */
    record Lr(double l2, int epochs, double auc, double accuracy) {}

    /**
     * Multinomial logistic regression (one softmax output layer, no hidden layer; two outputs for two classes) on the
     * product's own encoding of the training split, full batch, Adam. For each L2 strength the validation log-loss is
     * read every {@link #CHECK_EVERY} epochs; the strength and epoch count with the lowest validation log-loss are
     * kept, and that network (trained on the training split only) is scored once on the test split.
     */
    private Lr logisticRegression(DatasetInfo dataset, int classes) throws IOException {
        var train = matrix(dataset, Split.TRAIN, classes);
        var validation = matrix(dataset, Split.VALIDATION, classes);
        MultiLayerNetwork best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestL2 = 0;
        int bestEpochs = 0;
        for (double l2 : L2) {
            var net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                    .seed(SEED)
                    .updater(new Adam(LEARNING_RATE))
                    .l2(l2)
                    .weightInit(WeightInit.XAVIER)
                    .list()
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                            .nIn(train.getFeatures().columns())
                            .nOut(classes)
                            .activation(Activation.SOFTMAX)
                            .build())
                    .build());
            net.init();
            for (int epoch = 1; epoch <= MAX_EPOCHS; epoch++) {
                net.fit(train);
                if (epoch % CHECK_EVERY == 0) {
                    double loss = logLoss(validation.getLabels(), net.output(validation.getFeatures(), false));
                    if (loss < bestLoss) {
                        bestLoss = loss;
                        bestL2 = l2;
                        bestEpochs = epoch;
                        best = net.clone();
                    }
                }
            }
        }
        var test = new ArrayList<Example>();
        datasets.readTestExamples(dataset.id(), test::add);
        var data = stack(test, classes);
        var output = best.output(data.getFeatures(), false);
        var accuracy = new Evaluation(classes);
        accuracy.eval(data.getLabels(), output);
        double auc;
        if (classes == 2) {
            var roc = new ROC(0);
            roc.eval(data.getLabels(), output);
            auc = roc.calculateAUC();
        } else {
            var roc = new ROCMultiClass(0);
            roc.eval(data.getLabels(), output);
            auc = roc.calculateAverageAUC();
        }
        return new Lr(bestL2, bestEpochs, auc, accuracy.accuracy());
    }

    private DataSet matrix(DatasetInfo dataset, Split split, int classes) throws IOException {
        var examples = new ArrayList<Example>();
        datasets.readExamplesFor("instructor", true, dataset.id(), split, examples::add);
        return stack(examples, classes);
    }

    /** Examples as an N x F matrix (a DNA window's one-hot 4 x L flattened) with one-hot labels. */
    private static DataSet stack(List<Example> examples, int classes) {
        int width = examples.getFirst().features().length;
        var features = new float[examples.size()][];
        var labels = Nd4j.zeros(examples.size(), classes);
        for (int i = 0; i < examples.size(); i++) {
            features[i] = examples.get(i).features();
            labels.putScalar(i, examples.get(i).label(), 1.0);
        }
        assertThat(java.util.Arrays.stream(features).allMatch(f -> f.length == width))
                .isTrue();
        return new DataSet(Nd4j.create(features), labels);
    }

    private static double logLoss(INDArray labels, INDArray probabilities) {
        var clipped = Transforms.max(probabilities, 1e-12, true);
        return -Transforms.log(clipped, false).mul(labels).sumNumber().doubleValue() / labels.rows();
    }

    /** "published" for the file's own split, else the product's "stratified" or "grouped". */
    private static String splitName(String source) {
        return source.equals("FILE") ? "published" : source.toLowerCase(Locale.ROOT);
    }

    private static String interval(Estimate estimate) {
        return String.format(Locale.ROOT, "%.3f-%.3f", estimate.ciLow(), estimate.ciHigh());
    }

    private static String withInterval(Estimate estimate) {
        return String.format(
                Locale.ROOT, "%.3f (95%% CI %s, %s)", estimate.value(), interval(estimate), estimate.method());
    }

    private DatasetInfo importFile(Path file, DatasetService.ImportRequest request) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return datasets.importUpload(
                    request, new DatasetService.Upload(file.getFileName().toString(), in), null);
        }
    }
}
