package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.Augmentation;
import org.deeprounds.models.DatasetInputs;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.evaluation.classification.ROC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What augmentation costs and what it changes, on the real PneumoniaMNIST subset from ../shared/datasets: the time to
 * augment one epoch of training batches against the time to train one, and the imaging template trained through the
 * service without and with augmentation, each scored once on the test split. Prints AUGMENT lines for the report and
 * the augmentation lesson. Not part of the normal test run: {@code mvn test -Dtest=AugmentationBenchmark
 * -Dbenchmark=true} (optionally {@code -Daugment.seeds=1,2,3 -Daugment.epochs=40}; an empty seed list measures
 * the time only).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@EnabledIf("pneumoniaPresent")
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class AugmentationBenchmark {

    static final Path PNEUMONIA = Path.of("..", "shared", "datasets", "imaging", "pneumoniamnist-balanced.npz");

    /** Plausible for frontal chest films: no flip (the heart has a side), small tilt and offset, exposure, grain. */
    static final Augmentation CHEST_FILMS = new Augmentation(false, 10, 0.1, 0.1, 0.1, 0.02);

    static final Augmentation EVERYTHING = new Augmentation(true, 30, 0.2, 0.5, 0.5, 0.2);

    @Autowired
    DatasetService datasets;

    @Autowired
    RunService runs;

    static boolean pneumoniaPresent() {
        return Files.isRegularFile(PNEUMONIA);
    }

    @Test
    void augmentation_costs_little_per_epoch_and_its_effect_on_the_test_split_is_reported() throws Exception {
        var pneumonia = importPneumonia();
        var input = DatasetInputs.shapeOf(datasets.summary(pneumonia.id()));
        var template =
                Templates.create("imaging-cnn", input, pneumonia.classes().size());
        var train = split(pneumonia, template, Split.TRAIN);
        var validation = split(pneumonia, template, Split.VALIDATION);

        for (var augmentation : List.of(CHEST_FILMS, EVERYTHING)) {
            System.out.println(augmentOnly(template.withAugmentation(augmentation), train));
        }
        var plainEpoch = epochMillis(template, train, validation);
        var augmentedEpoch = epochMillis(template.withAugmentation(CHEST_FILMS), train, validation);
        System.out.printf(
                Locale.ROOT,
                "AUGMENT epoch_time train=%d plain_ms=%.0f augmented_ms=%.0f ratio=%.3f%n",
                train.size(),
                plainEpoch,
                augmentedEpoch,
                augmentedEpoch / plainEpoch);

        int epochs = Integer.getInteger("augment.epochs", 40);
        var lines = new ArrayList<String>();
        for (var seed : System.getProperty("augment.seeds", "1,2,3").split(",")) {
            if (seed.isBlank()) {
                continue;
            }
            var design = template.withTraining(
                    template.learningRate(), template.batchSize(), epochs, Long.parseLong(seed.trim()));
            lines.add(trainAndTest("none", pneumonia, design));
            lines.add(trainAndTest("chest-films", pneumonia, design.withAugmentation(CHEST_FILMS)));
        }
        lines.forEach(System.out::println);
    }

    /** Milliseconds to augment every training batch of one epoch, the median of 20 epochs after 10 to warm up. */
    private String augmentOnly(NetworkSpec spec, Trainer.SplitData train) {
        var augmenter = ImageAugmenter.of(spec);
        var batcher = new Batcher(train.data());
        var times = new ArrayList<Double>();
        for (int epoch = 1; epoch <= 30; epoch++) {
            var batches = batcher.epoch(epoch, spec.batchSize());
            var cut = new ArrayList<org.nd4j.linalg.dataset.DataSet>();
            batches.forEachRemaining(cut::add);
            long start = System.nanoTime();
            int index = 0;
            for (var batch : cut) {
                augmenter.training(batch, spec.seed(), epoch, index++);
            }
            if (epoch > 10) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        times.sort(Double::compare);
        return String.format(
                Locale.ROOT,
                "AUGMENT augment_only settings=\"%s\" train=%d median_ms_per_epoch=%.1f",
                org.deeprounds.models.AugmentationRules.describe(spec.augmentation()),
                train.size(),
                times.get(times.size() / 2));
    }

    /** Mean epoch time of epochs 2 to 6 (the first warms up), trained directly with the trainer. */
    private double epochMillis(NetworkSpec spec, Trainer.SplitData train, Trainer.SplitData validation) {
        var result = new Trainer(Clock.systemUTC())
                .train(
                        spec.withTraining(spec.learningRate(), spec.batchSize(), 6, 7),
                        train,
                        validation,
                        Duration.ofMinutes(10),
                        100,
                        Trainer.SILENT);
        return result.epochs().subList(1, result.epochs().size()).stream()
                .mapToLong(EpochMetrics::millis)
                .average()
                .orElseThrow();
    }

    private String trainAndTest(String label, DatasetInfo dataset, NetworkSpec design) throws Exception {
        long start = System.nanoTime();
        var run = runs.submit(dataset.id(), null, null, design);
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
        var spec = done.spec();
        var data = Trainer.SplitData.of(test, spec.input(), spec.classes()).data();
        var output = model.output(data.getFeatures(), false);
        var roc = new ROC(0);
        roc.eval(data.getLabels(), output);
        var evaluation = new org.nd4j.evaluation.classification.Evaluation(spec.classes());
        evaluation.eval(data.getLabels(), output);
        var kept = done.history().get(done.bestEpoch() - 1);
        return String.format(
                Locale.ROOT,
                "AUGMENT run augmentation=%s seed=%d epochs_run=%d kept_epoch=%d seconds=%.1f train_loss=%.4f"
                        + " validation_loss=%.4f validation_auc=%.4f test_auc=%.4f test_accuracy=%.4f",
                label,
                spec.seed(),
                done.epoch(),
                done.bestEpoch(),
                seconds,
                kept.trainLoss(),
                kept.validationLoss(),
                kept.validationAuc(),
                roc.calculateAUC(),
                evaluation.accuracy());
    }

    private Trainer.SplitData split(DatasetInfo dataset, NetworkSpec spec, Split split) {
        var examples = new ArrayList<Example>();
        datasets.readExamples(dataset.id(), split, examples::add);
        return Trainer.SplitData.of(examples, spec.input(), spec.classes());
    }

    private DatasetInfo importPneumonia() throws IOException {
        try (var in = Files.newInputStream(PNEUMONIA)) {
            return datasets.importUpload(
                    new DatasetService.ImportRequest(
                            "PneumoniaMNIST (balanced subset, augmentation benchmark)",
                            null,
                            null,
                            null,
                            List.of(),
                            null,
                            List.of("normal", "pneumonia"),
                            null,
                            "CC BY 4.0",
                            null),
                    new DatasetService.Upload(PNEUMONIA.getFileName().toString(), in),
                    null);
        }
    }
}
