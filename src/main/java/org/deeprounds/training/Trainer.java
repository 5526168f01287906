package org.deeprounds.training;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkFactory;
import org.deeprounds.models.NetworkSpec;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Trains a design on the training split, scoring every epoch on the validation split (never the test split). A
 * function with a result: it stops early when validation has not improved for {@code patience} epochs, at the time
 * limit, on cancel, or when the loss diverges, and always returns the best-validation weights it found.
 */
public final class Trainer {

    /** Told about each epoch; asked whether to stop. */
    public interface Progress {
        void epochEnded(EpochMetrics metrics);

        boolean cancelRequested();

        /** The state after each epoch, to keep so that an interrupted run can go on from here. */
        default void checkpoint(Checkpoint checkpoint) {}
    }

    /** After an epoch: the network (weights and optimiser state) and the best validation weights so far. */
    public record Checkpoint(MultiLayerNetwork network, int epoch, int bestEpoch, INDArray bestParams) {}

    /**
     * Where training starts: a new network, or the checkpoint of an interrupted run with the epochs it had done. The
     * epochs still to do see the same seeded batch order as an uninterrupted run would.
     */
    public record Start(MultiLayerNetwork network, List<EpochMetrics> done, int bestEpoch, INDArray bestParams) {

        public static Start fresh(NetworkSpec spec) {
            var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
            network.init();
            return new Start(network, List.of(), 0, network.params().dup());
        }
    }

    /** Progress that nobody watches. */
    public static final Progress SILENT = new Progress() {
        @Override
        public void epochEnded(EpochMetrics metrics) {}

        @Override
        public boolean cancelRequested() {
            return false;
        }
    };

    /** Examples of one split, in memory, ready to batch. */
    public record SplitData(DataSet data) {

        public int size() {
            return data.numExamples();
        }

        /** Stacks examples into the network's layout (N x C x H x W, N x 4 x L, or N x F) with one-hot labels. */
        public static SplitData of(List<Example> examples, InputShape input, int classes) {
            int n = examples.size();
            int width = examples.isEmpty() ? 0 : examples.getFirst().features().length;
            var flat = new float[n * width];
            var labels = Nd4j.zeros(n, classes);
            for (int i = 0; i < n; i++) {
                System.arraycopy(examples.get(i).features(), 0, flat, i * width, width);
                labels.putScalar(i, examples.get(i).label(), 1.0);
            }
            INDArray features = Nd4j.create(flat, new long[] {n, width});
            features = switch (input.kind()) {
                case IMAGE -> features.reshape('c', n, input.channels(), input.height(), input.width());
                case SEQUENCE -> features.reshape('c', n, input.channels(), input.length());
                case TABULAR -> features;
            };
            return new SplitData(new DataSet(features, labels));
        }
    }

    private final Clock clock;

    public Trainer(Clock clock) {
        this.clock = clock;
    }

    public TrainingResult train(
            NetworkSpec spec,
            SplitData train,
            SplitData validation,
            Duration timeLimit,
            int patience,
            Progress progress) {
        return train(spec, Start.fresh(spec), train, validation, timeLimit, patience, progress);
    }

    /** Trains from {@code start}; the time limit counts from this call. */
    public TrainingResult train(
            NetworkSpec spec,
            Start start,
            SplitData train,
            SplitData validation,
            Duration timeLimit,
            int patience,
            Progress progress) {
        var network = start.network();
        var started = clock.instant();
        var epochs = new ArrayList<>(start.done());
        var batcher = new Batcher(train.data());
        // Training batches only: validation below, and the test split later, see the images as they are.
        var augmenter = ImageAugmenter.of(spec);
        INDArray bestParams = start.bestParams();
        int bestEpoch = start.bestEpoch();
        double bestLoss = bestEpoch > 0 ? epochs.get(bestEpoch - 1).validationLoss() : Double.POSITIVE_INFINITY;
        long iteration = (long) epochs.size() * ((train.size() + spec.batchSize() - 1) / spec.batchSize());
        for (int epoch = epochs.size() + 1; epoch <= spec.epochs(); epoch++) {
            var epochStart = clock.millis();
            // A fresh, seeded order every epoch: files are often sorted by class, and batches of one class teach
            // nothing. Seeded, so a re-run with the same seed sees the same batches.
            var batches = batcher.epoch(spec.seed() + epoch, spec.batchSize());
            double lossSum = 0;
            int batchCount = 0;
            while (batches.hasNext()) {
                var batch = batches.next();
                network.fit(augmenter == null ? batch : augmenter.training(batch, spec.seed(), epoch, batchCount));
                iteration++;
                double loss = network.score();
                if (diverged(loss, spec.classes())) {
                    return new TrainingResult(
                            TrainingResult.Outcome.DIVERGED,
                            epochs,
                            bestEpoch,
                            divergedMessage(spec, iteration, loss),
                            restore(network, bestParams));
                }
                lossSum += loss;
                batchCount++;
                if (progress.cancelRequested()) {
                    return new TrainingResult(
                            TrainingResult.Outcome.CANCELLED,
                            epochs,
                            bestEpoch,
                            "Cancelled at epoch " + epoch + "; the best weights so far are kept.",
                            restore(network, bestParams));
                }
                if (Duration.between(started, clock.instant()).compareTo(timeLimit) > 0) {
                    return new TrainingResult(
                            TrainingResult.Outcome.TIME_LIMIT,
                            epochs,
                            bestEpoch,
                            "Stopped at the time limit of " + timeLimit.toMinutes() + " min during epoch " + epoch
                                    + "; the best weights so far are kept.",
                            restore(network, bestParams));
                }
            }
            // fit(DataSet) counts iterations but not epochs; epoch-based learning-rate schedules read this count.
            network.setEpochCount(epoch);
            var metrics = evaluate(
                    network, validation, epoch, lossSum / Math.max(1, batchCount), clock.millis() - epochStart, spec);
            epochs.add(metrics);
            progress.epochEnded(metrics);
            if (metrics.validationLoss() < bestLoss) {
                bestLoss = metrics.validationLoss();
                bestEpoch = epoch;
                bestParams = network.params().dup();
            }
            progress.checkpoint(new Checkpoint(network, epoch, bestEpoch, bestParams));
            if (epoch - bestEpoch >= patience) {
                return new TrainingResult(
                        TrainingResult.Outcome.COMPLETED,
                        epochs,
                        bestEpoch,
                        "Stopped early after epoch " + epoch + ": the validation loss has not improved for " + patience
                                + " epoch(s); the weights of epoch " + bestEpoch + " are kept.",
                        restore(network, bestParams));
            }
        }
        return new TrainingResult(
                TrainingResult.Outcome.COMPLETED,
                epochs,
                bestEpoch,
                "Trained " + spec.epochs() + " epochs; the best validation loss was at epoch " + bestEpoch + ".",
                restore(network, bestParams));
    }

    private static EpochMetrics evaluate(
            MultiLayerNetwork network,
            SplitData validation,
            int epoch,
            double trainLoss,
            long millis,
            NetworkSpec spec) {
        int classes = spec.classes();
        var output = network.output(validation.data().getFeatures(), false);
        var evaluation = new Evaluation(classes);
        evaluation.eval(validation.data().getLabels(), output);
        Double auc = null;
        if (classes == 2) {
            var roc = new ROC(0);
            roc.eval(validation.data().getLabels(), output);
            auc = roc.calculateAUC();
        }
        double validationLoss = crossEntropy(output, validation.data().getLabels(), spec.classWeights());
        return new EpochMetrics(epoch, trainLoss, validationLoss, evaluation.accuracy(), auc, millis);
    }

    /**
     * Mean cross-entropy of softmax outputs, computed from the output already at hand rather than by a second forward
     * pass. Probabilities are clipped as DL4J's loss does; unlike DL4J's score it leaves out the L2 penalty, which is
     * part of the training objective, not of how well the validation cases are predicted. With class weights each
     * case counts with its class's weight, as in the training loss, so early stopping judges the objective the network
     * is trained on (the unweighted loss would prefer the epochs where the weights have done least).
     */
    static double crossEntropy(INDArray probabilities, INDArray oneHotLabels, List<Double> classWeights) {
        var logs = Transforms.log(Transforms.max(probabilities, 1e-10, true), false)
                .muli(oneHotLabels);
        if (!classWeights.isEmpty()) {
            var weights = Nd4j.create(
                    classWeights.stream().mapToDouble(Double::doubleValue).toArray(),
                    new long[] {1, classWeights.size()});
            logs.muliRowVector(weights.castTo(logs.dataType()));
        }
        return -logs.sumNumber().doubleValue() / Math.max(1, probabilities.size(0));
    }

    private static MultiLayerNetwork restore(MultiLayerNetwork network, INDArray params) {
        network.setParams(params);
        return network;
    }

    /**
     * Diverged: the loss is no longer a number, or far above ln(K), the loss of a model that just guesses evenly
     * among K classes (DL4J clips probabilities inside cross-entropy, so a blown-up network often shows a large
     * finite loss rather than NaN).
     */
    static boolean diverged(double loss, int classes) {
        return !Double.isFinite(loss) || loss > DIVERGENCE_FACTOR * Math.log(classes);
    }

    /** Loss this many times that of even guessing means the steps are blowing up, not learning. */
    static final double DIVERGENCE_FACTOR = 10;

    /** A teaching moment, not a crash: what happened and what to try. */
    static String divergedMessage(NetworkSpec spec, long iteration, double loss) {
        double suggestion = spec.optimiser() == NetworkSpec.Optimiser.ADAM ? 0.001 : 0.01;
        var what = Double.isFinite(loss)
                ? String.format(
                        Locale.ROOT,
                        "The loss jumped to %.3g at iteration %d (guessing evenly would give" + " %.2f)",
                        loss,
                        iteration,
                        Math.log(spec.classes()))
                : String.format(
                        Locale.ROOT,
                        "The loss became %s at iteration %d",
                        Double.isNaN(loss) ? "NaN" : "infinite",
                        iteration);
        return String.format(
                Locale.ROOT,
                "%s: the steps were so large that the weights blew up instead of learning. The learning rate %s is"
                        + " probably too high; try %s.",
                what,
                formatRate(spec.learningRate()),
                formatRate(suggestion));
    }

    /** 1000 as "1000", 0.001 as "0.001": rates as a person writes them. */
    static String formatRate(double rate) {
        return new java.math.BigDecimal(rate, new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }
}
