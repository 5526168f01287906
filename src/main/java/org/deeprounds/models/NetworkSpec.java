package org.deeprounds.models;

import java.util.List;

/**
 * A network design, stored as JSON with each run.
 *
 * @param classes number of output classes (from the dataset)
 * @param schedule optional: multiply the learning rate by {@code factor} every {@code everyEpochs} epochs
 * @param l2 weight decay; 0 for none
 * @param classWeights optional: one loss weight per class (rarer classes weigh more); null or empty for equal weights
 * @param augmentation optional: random changes to training images each epoch; null for none
 */
public record NetworkSpec(
        InputShape input,
        List<LayerSpec> layers,
        int classes,
        Optimiser optimiser,
        double learningRate,
        StepSchedule schedule,
        double l2,
        int batchSize,
        int epochs,
        long seed,
        List<Double> classWeights,
        Augmentation augmentation) {

    public NetworkSpec {
        layers = layers == null ? List.of() : List.copyOf(layers);
        optimiser = optimiser == null ? Optimiser.ADAM : optimiser;
        classWeights = classWeights == null ? List.of() : List.copyOf(classWeights);
    }

    /** A design with equal class weights and no augmentation. */
    public NetworkSpec(
            InputShape input,
            List<LayerSpec> layers,
            int classes,
            Optimiser optimiser,
            double learningRate,
            StepSchedule schedule,
            double l2,
            int batchSize,
            int epochs,
            long seed) {
        this(input, layers, classes, optimiser, learningRate, schedule, l2, batchSize, epochs, seed, null, null);
    }

    /** How the weights are updated from the gradient. */
    public enum Optimiser {
        /** Stochastic gradient descent with momentum 0.9. */
        SGD_MOMENTUM,
        /** Adam: per-weight step sizes; a robust default. */
        ADAM
    }

    /** Learning-rate decay in steps. */
    public record StepSchedule(double factor, int everyEpochs) {}

    /** The same design for data of this shape and class count (a spec may leave them to the dataset). */
    public NetworkSpec forData(InputShape shape, int classCount) {
        return new NetworkSpec(
                shape,
                layers,
                classCount,
                optimiser,
                learningRate,
                schedule,
                l2,
                batchSize,
                epochs,
                seed,
                classWeights,
                augmentation);
    }

    public NetworkSpec withTraining(double rate, int batch, int epochCount, long seedValue) {
        return new NetworkSpec(
                input,
                layers,
                classes,
                optimiser,
                rate,
                schedule,
                l2,
                batch,
                epochCount,
                seedValue,
                classWeights,
                augmentation);
    }

    public NetworkSpec withClassWeights(List<Double> weights) {
        return new NetworkSpec(
                input,
                layers,
                classes,
                optimiser,
                learningRate,
                schedule,
                l2,
                batchSize,
                epochs,
                seed,
                weights,
                augmentation);
    }

    public NetworkSpec withAugmentation(Augmentation value) {
        return new NetworkSpec(
                input,
                layers,
                classes,
                optimiser,
                learningRate,
                schedule,
                l2,
                batchSize,
                epochs,
                seed,
                classWeights,
                value);
    }
}
