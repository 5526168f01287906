package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.DatasetInputs;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Real DL4J training on the shipped samples: it learns, stops early, diverges kindly, honours cancel and time. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class TrainerTest {

    @Autowired
    DatasetService datasets;

    private final Trainer trainer = new Trainer(Clock.systemUTC());

    @Test
    void the_mlp_learns_the_breast_cancer_biopsies() {
        var dataset = dataset("Breast cancer biopsies");
        var spec = spec("ehr-mlp", dataset).withTraining(0.005, 32, 15, 42);

        var result = trainer.train(
                spec,
                split(dataset, spec, Split.TRAIN),
                split(dataset, spec, Split.VALIDATION),
                Duration.ofMinutes(5),
                5,
                Trainer.SILENT);

        assertThat(result.outcome()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        var first = result.epochs().getFirst();
        var best = result.epochs().get(result.bestEpoch() - 1);
        assertThat(best.validationLoss()).isLessThan(first.validationLoss());
        assertThat(best.validationAuc()).isGreaterThan(0.95);
    }

    @Test
    void the_same_seed_data_and_backend_reproduce_the_metrics() {
        var dataset = dataset("Breast cancer biopsies");
        var spec = spec("ehr-mlp", dataset).withTraining(0.005, 32, 4, 11);
        var train = split(dataset, spec, Split.TRAIN);
        var validation = split(dataset, spec, Split.VALIDATION);

        var first = trainer.train(spec, train, validation, Duration.ofMinutes(5), 5, Trainer.SILENT);
        var second = trainer.train(spec, train, validation, Duration.ofMinutes(5), 5, Trainer.SILENT);

        assertThat(second.epochs()).hasSameSizeAs(first.epochs());
        for (int i = 0; i < first.epochs().size(); i++) {
            assertThat(second.epochs().get(i).validationLoss())
                    .isCloseTo(
                            first.epochs().get(i).validationLoss(),
                            org.assertj.core.data.Offset.offset(REPRODUCIBILITY_TOLERANCE));
            assertThat(second.epochs().get(i).trainLoss())
                    .isCloseTo(
                            first.epochs().get(i).trainLoss(),
                            org.assertj.core.data.Offset.offset(REPRODUCIBILITY_TOLERANCE));
        }
    }

    /** Float32 on the CPU backend: same seed, data and thread count give losses equal to this tolerance. */
    static final double REPRODUCIBILITY_TOLERANCE = 1e-5;

    @Test
    void the_imaging_cnn_learns_the_synthetic_chest_films() {
        var dataset = dataset("Chest X-rays: pneumonia or normal");
        var spec = spec("imaging-cnn", dataset).withTraining(0.001, 64, 4, 42);
        var epochs = new ArrayList<EpochMetrics>();

        var result = trainer.train(
                spec,
                split(dataset, spec, Split.TRAIN),
                split(dataset, spec, Split.VALIDATION),
                Duration.ofMinutes(5),
                5,
                new Trainer.Progress() {
                    @Override
                    public void epochEnded(EpochMetrics metrics) {
                        epochs.add(metrics);
                    }

                    @Override
                    public boolean cancelRequested() {
                        return false;
                    }
                });

        // The synthetic films need a few epochs before the lesion pattern wins over noise (seed 42: 0.57, 0.64, 0.88).
        assertThat(epochs).hasSize(4);
        assertThat(result.epochs().getLast().validationAccuracy()).isGreaterThan(0.85);
    }

    @Test
    void an_epoch_schedule_lowers_the_learning_rate_each_epoch() {
        var dataset = dataset("Breast cancer biopsies");
        var base = spec("ehr-mlp", dataset).withTraining(0.008, 32, 3, 42);
        var spec = new NetworkSpec(
                base.input(),
                base.layers(),
                base.classes(),
                base.optimiser(),
                base.learningRate(),
                new NetworkSpec.StepSchedule(0.5, 1),
                base.l2(),
                base.batchSize(),
                base.epochs(),
                base.seed());

        var result = trainer.train(
                spec,
                split(dataset, spec, Split.TRAIN),
                split(dataset, spec, Split.VALIDATION),
                Duration.ofMinutes(5),
                10,
                Trainer.SILENT);

        assertThat(result.epochs()).hasSize(3);
        // After three epochs, halved three times: 0.008 -> 0.001.
        assertThat(result.model().getLearningRate(0)).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_huge_learning_rate_diverges_with_a_message_a_trainee_can_act_on() {
        var dataset = dataset("Breast cancer biopsies");
        var base = spec("ehr-mlp", dataset);
        var spec = new NetworkSpec(
                base.input(),
                base.layers(),
                base.classes(),
                NetworkSpec.Optimiser.SGD_MOMENTUM,
                1e3,
                null,
                0,
                32,
                5,
                42);

        var result = trainer.train(
                spec,
                split(dataset, spec, Split.TRAIN),
                split(dataset, spec, Split.VALIDATION),
                Duration.ofMinutes(5),
                5,
                Trainer.SILENT);

        org.slf4j.LoggerFactory.getLogger(getClass()).warn("DEBUGDIV {} {}", result.epochs(), result.message());
        assertThat(result.outcome()).isEqualTo(TrainingResult.Outcome.DIVERGED);
        assertThat(result.message())
                .containsPattern("The loss (became NaN|jumped to [0-9.e+]+) at iteration \\d+")
                .contains("learning rate 1000 is probably too high", "try 0.01");
    }

    @Test
    void cancel_and_the_time_limit_stop_cleanly() {
        var dataset = dataset("Breast cancer biopsies");
        var spec = spec("ehr-mlp", dataset);
        var train = split(dataset, spec, Split.TRAIN);
        var validation = split(dataset, spec, Split.VALIDATION);

        var cancelled = trainer.train(spec, train, validation, Duration.ofMinutes(5), 5, new Trainer.Progress() {
            @Override
            public void epochEnded(EpochMetrics metrics) {}

            @Override
            public boolean cancelRequested() {
                return true;
            }
        });
        var timedOut = trainer.train(spec, train, validation, Duration.ZERO, 5, Trainer.SILENT);

        assertThat(cancelled.outcome()).isEqualTo(TrainingResult.Outcome.CANCELLED);
        assertThat(timedOut.outcome()).isEqualTo(TrainingResult.Outcome.TIME_LIMIT);
        assertThat(timedOut.model()).isNotNull();
    }

    private DatasetInfo dataset(String namePrefix) {
        return datasets.list().stream()
                .filter(d -> d.name().startsWith(namePrefix))
                .findFirst()
                .orElseThrow();
    }

    private NetworkSpec spec(String template, DatasetInfo dataset) {
        return Templates.create(
                template,
                DatasetInputs.shapeOf(datasets.summary(dataset.id())),
                dataset.classes().size());
    }

    private Trainer.SplitData split(DatasetInfo dataset, NetworkSpec spec, Split split) {
        var examples = new ArrayList<Example>();
        datasets.readExamples(dataset.id(), split, examples::add);
        return Trainer.SplitData.of(examples, spec.input(), spec.classes());
    }
}
