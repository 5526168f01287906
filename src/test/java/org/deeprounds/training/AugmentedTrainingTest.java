package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.Augmentation;
import org.deeprounds.models.DatasetInputs;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Real DL4J training with augmentation, watched at the trainer's boundary: the network is fed changed training
 * images, while the validation images it is scored on are exactly the stored split, and a run resumed from a
 * checkpoint sees the same augmented batches as one that was never interrupted.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class AugmentedTrainingTest {

    static final Augmentation AUGMENTATION = new Augmentation(true, 10, 0.1, 0.1, 0.1, 0.02);

    @Autowired
    DatasetService datasets;

    private final Trainer trainer = new Trainer(Clock.systemUTC());

    @Test
    void the_network_trains_on_changed_images_and_is_scored_on_the_validation_split_as_stored() {
        var spec = films().withAugmentation(AUGMENTATION);
        var train = split(spec, Split.TRAIN);
        var validation = split(spec, Split.VALIDATION);
        var storedTraining = rows(train.data().getFeatures());
        var storedValidation = bytes(validation.data().getFeatures());
        var fed = new Fed();
        var rescored = new ArrayList<Double>();
        var reported = new ArrayList<Double>();

        var result = trainer.train(
                spec, start(spec, fed), train, validation, Duration.ofMinutes(5), 5, new Trainer.Progress() {
                    @Override
                    public void epochEnded(EpochMetrics metrics) {
                        reported.add(metrics.validationLoss());
                    }

                    @Override
                    public boolean cancelRequested() {
                        return false;
                    }

                    @Override
                    public void checkpoint(Trainer.Checkpoint checkpoint) {
                        // The network as it was scored: its loss on the stored validation images.
                        var output = checkpoint.network().output(storedValidationFeatures(spec), false);
                        rescored.add(
                                Trainer.crossEntropy(output, validation.data().getLabels(), List.of()));
                    }
                });

        assertThat(result.outcome()).as(result.message()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        assertThat(fed.images).as("every training image of both epochs was fed").isEqualTo(2 * train.size());
        assertThat(fed.unchanged(storedTraining))
                .as("training images fed exactly as stored (of %d)", fed.images)
                .isLessThan(fed.images / 20);
        assertThat(bytes(validation.data().getFeatures()))
                .as("the validation split in memory is untouched")
                .isEqualTo(storedValidation);
        assertThat(rescored).hasSameSizeAs(reported);
        for (int i = 0; i < reported.size(); i++) {
            assertThat(reported.get(i))
                    .as("epoch %d was scored on the stored validation images", i + 1)
                    .isCloseTo(rescored.get(i), within(1e-6));
        }
    }

    @Test
    void without_augmentation_the_network_is_fed_the_stored_training_images() {
        var spec = films();
        var train = split(spec, Split.TRAIN);
        var stored = rows(train.data().getFeatures());
        var fed = new Fed();

        trainer.train(
                spec, start(spec, fed), train, split(spec, Split.VALIDATION), Duration.ofMinutes(5), 5, Trainer.SILENT);

        assertThat(fed.images).isEqualTo(2 * train.size());
        assertThat(fed.unchanged(stored)).as("the check above can tell").isEqualTo(fed.images);
    }

    @Test
    void a_run_resumed_from_its_checkpoint_sees_the_same_augmented_batches() {
        var spec = films().withAugmentation(AUGMENTATION);
        var train = split(spec, Split.TRAIN);
        var validation = split(spec, Split.VALIDATION);
        var checkpoints = new ArrayList<Trainer.Start>();
        var whole = trainer.train(spec, train, validation, Duration.ofMinutes(5), 5, new Trainer.Progress() {
            private final List<EpochMetrics> done = new ArrayList<>();

            @Override
            public void epochEnded(EpochMetrics metrics) {
                done.add(metrics);
            }

            @Override
            public boolean cancelRequested() {
                return false;
            }

            @Override
            public void checkpoint(Trainer.Checkpoint checkpoint) {
                if (checkpoint.epoch() == 1) {
                    checkpoints.add(new Trainer.Start(
                            checkpoint.network().clone(),
                            List.copyOf(done),
                            checkpoint.bestEpoch(),
                            checkpoint.bestParams().dup()));
                }
            }
        });

        var resumed = trainer.train(
                spec, checkpoints.getFirst(), train, validation, Duration.ofMinutes(5), 5, Trainer.SILENT);

        var second = whole.epochs().get(1);
        var again = resumed.epochs().get(1);
        assertThat(again.trainLoss())
                .as("epoch 2's training loss, over the augmented batches")
                .isCloseTo(second.trainLoss(), within(TrainerTest.REPRODUCIBILITY_TOLERANCE));
        assertThat(again.validationLoss())
                .isCloseTo(second.validationLoss(), within(TrainerTest.REPRODUCIBILITY_TOLERANCE));
    }

    /** Counts the images the network is fed while training and keeps each as bytes. */
    static final class Fed extends BaseTrainingListener {
        int images;
        final List<ByteBuffer> rows = new ArrayList<>();

        @Override
        public void onForwardPass(Model model, List<INDArray> activations) {
            var input = activations.getFirst();
            images += (int) input.size(0);
            rows.addAll(rowsOf(input));
        }

        long unchanged(Set<ByteBuffer> stored) {
            return rows.stream().filter(stored::contains).count();
        }
    }

    private Trainer.Start start(NetworkSpec spec, Fed fed) {
        var start = Trainer.Start.fresh(spec);
        start.network().setListeners(fed);
        return start;
    }

    private INDArray storedValidationFeatures(NetworkSpec spec) {
        return split(spec, Split.VALIDATION).data().getFeatures();
    }

    /** The imaging template on the synthetic films, two epochs (no dropout, so only the data decide the losses). */
    private NetworkSpec films() {
        long id = datasets.sampleId("pneumoniamnist-balanced").orElseThrow();
        var dataset = datasets.get(id);
        var input = DatasetInputs.shapeOf(datasets.summary(id));
        return Templates.create("imaging-cnn", input, dataset.classes().size()).withTraining(0.001, 64, 2, 42);
    }

    private Trainer.SplitData split(NetworkSpec spec, Split split) {
        var examples = new ArrayList<Example>();
        datasets.readExamples(datasets.sampleId("pneumoniamnist-balanced").orElseThrow(), split, examples::add);
        return Trainer.SplitData.of(examples, spec.input(), spec.classes());
    }

    static Set<ByteBuffer> rows(INDArray features) {
        return new HashSet<>(rowsOf(features));
    }

    static List<ByteBuffer> rowsOf(INDArray features) {
        int n = (int) features.size(0);
        var flat = features.dup('c').data().asFloat();
        int width = flat.length / n;
        var out = new ArrayList<ByteBuffer>();
        for (int i = 0; i < n; i++) {
            var row = ByteBuffer.allocate(width * Float.BYTES);
            for (int j = 0; j < width; j++) {
                row.putFloat(flat[i * width + j]);
            }
            out.add(row.flip());
        }
        return out;
    }

    static byte[] bytes(INDArray features) {
        var flat = features.dup('c').data().asFloat();
        var out = ByteBuffer.allocate(flat.length * Float.BYTES);
        for (float v : flat) {
            out.putFloat(v);
        }
        return out.array();
    }
}
