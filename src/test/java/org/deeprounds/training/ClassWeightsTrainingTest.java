package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.models.ClassWeights;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkFactory;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Class weights reach DL4J's loss and change what the network learns: on a set with one positive in four, weighting
 * by rarity makes the network find more of the positives at the usual 0.5 threshold.
 */
class ClassWeightsTrainingTest {

    static final int FEATURES = 6;
    /** How far the positives' mean lies from the negatives' in each feature, in standard deviations. */
    static final double SHIFT = 0.6;

    private final Trainer trainer = new Trainer(Clock.systemUTC());

    @Test
    void weighting_by_rarity_finds_more_of_the_rare_class_at_one_half() {
        var train = cases(600, 200, 1);
        var validation = cases(300, 100, 2);
        var held = cases(900, 300, 3);
        var counts = Map.of("negative", 600, "positive", 200);
        var weights = ClassWeights.byRarity(List.of("negative", "positive"), counts);
        assertThat(weights).containsExactly(0.667, 2.0);
        var plain = Templates.create("ehr-mlp", InputShape.tabular(FEATURES), 2).withTraining(0.005, 32, 30, 42);

        double unweighted = sensitivity(plain, train, validation, held);
        double weighted = sensitivity(plain.withClassWeights(weights), train, validation, held);

        assertThat(weighted)
                .as("sensitivity at 0.5, weighted vs %.2f unweighted", unweighted)
                .isGreaterThan(unweighted + 0.15);
    }

    @Test
    void the_weights_are_in_the_output_loss_and_survive_saving(@TempDir Path folder) throws Exception {
        var spec = Templates.create("ehr-mlp", InputShape.tabular(FEATURES), 2).withClassWeights(List.of(0.667, 2.0));
        var start = Trainer.Start.fresh(spec);

        var loss = (LossMCXENT)
                ((OutputLayer) NetworkFactory.configuration(spec).getConf(3).getLayer()).getLossFn();
        assertThat(loss.getWeights().toFloatVector()).containsExactly(0.667f, 2.0f);
        File file = folder.resolve("model.zip").toFile();
        ModelSerializer.writeModel(start.network(), file, false);
        var restored = ModelSerializer.restoreMultiLayerNetwork(file, false);
        var restoredLoss = (LossMCXENT)
                ((OutputLayer) restored.getLayerWiseConfigurations().getConf(3).getLayer()).getLossFn();
        assertThat(restoredLoss.getWeights().toFloatVector()).containsExactly(0.667f, 2.0f);
    }

    @Test
    void the_validation_loss_weighs_each_case_as_the_training_loss_does() {
        var layers = List.<org.deeprounds.models.LayerSpec>of(
                new org.deeprounds.models.LayerSpec.Dense(8, org.deeprounds.models.LayerSpec.Activation.RELU),
                new org.deeprounds.models.LayerSpec.Output());
        var weights = List.of(0.5, 3.0);
        var spec = new NetworkSpec(
                        InputShape.tabular(FEATURES), layers, 2, NetworkSpec.Optimiser.ADAM, 0.001, null, 0, 32, 5, 1)
                .withClassWeights(weights);
        var network = Trainer.Start.fresh(spec).network();
        var data = cases(40, 20, 4).data();

        double ours = Trainer.crossEntropy(network.output(data.getFeatures(), false), data.getLabels(), weights);

        assertThat(ours).isCloseTo(network.score(data, false), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(ours)
                .isNotCloseTo(
                        Trainer.crossEntropy(network.output(data.getFeatures(), false), data.getLabels(), List.of()),
                        org.assertj.core.data.Offset.offset(1e-3));
    }

    private double sensitivity(
            NetworkSpec spec, Trainer.SplitData train, Trainer.SplitData validation, Trainer.SplitData held) {
        var result = trainer.train(spec, train, validation, Duration.ofMinutes(2), 5, Trainer.SILENT);
        assertThat(result.outcome()).isEqualTo(TrainingResult.Outcome.COMPLETED);
        var output = result.model().output(held.data().getFeatures(), false);
        var labels = held.data().getLabels();
        int positives = 0;
        int found = 0;
        for (int i = 0; i < held.size(); i++) {
            if (labels.getDouble(i, 1) == 1) {
                positives++;
                if (output.getDouble(i, 1) >= 0.5) {
                    found++;
                }
            }
        }
        return found / (double) positives;
    }

    /** Negatives around 0, positives shifted by {@link #SHIFT} in every feature: overlapping, like real findings. */
    private static Trainer.SplitData cases(int negatives, int positives, long seed) {
        var random = new Random(seed);
        var examples = new ArrayList<Example>();
        for (int i = 0; i < negatives + positives; i++) {
            int label = i < negatives ? 0 : 1;
            var features = new float[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                features[f] = (float) (random.nextGaussian() + label * SHIFT);
            }
            examples.add(new Example(features, label));
        }
        return Trainer.SplitData.of(examples, InputShape.tabular(FEATURES), 2);
    }
}
