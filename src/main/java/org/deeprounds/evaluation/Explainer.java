package org.deeprounds.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeprounds.datasets.model.DatasetSummary.TabularSummary.FeatureRange;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The model-facing arithmetic of explanations; each method batches its variants into one forward pass. */
final class Explainer {

    /** Occluding patch: about a fifth of a 28-pixel side, moved two pixels at a time. */
    static final int PATCH = 6;

    static final int STRIDE = 2;
    static final int PERMUTATION_REPEATS = 5;
    static final long SEED = 7;

    private Explainer() {}

    /** |d score / d pixel|, the largest over channels, scaled so the strongest pixel is 1. */
    static double[][] saliency(MultiLayerNetwork network, INDArray image, int cls, int classes) {
        var labels = Nd4j.zeros(image.dataType(), 1, classes);
        labels.putScalar(0, cls, 1.0);
        var gradient = network.calculateGradients(image, labels, null, null).getSecond();
        int channels = (int) image.size(1);
        int height = (int) image.size(2);
        int width = (int) image.size(3);
        var map = new double[height][width];
        for (int c = 0; c < channels; c++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++) {
                    map[h][w] = Math.max(map[h][w], Math.abs(gradient.getDouble(0, c, h, w)));
                }
            }
        }
        return scaled(map);
    }

    /**
     * Mean drop in the class's probability over the patches covering each pixel, when a patch is set to the image's
     * mean brightness; negative drops count as none. Scaled so the largest is 1 (all zero if nothing mattered).
     */
    /**
     * Saliency over time for a signal ({@code 1 x leads x samples}): the largest gradient magnitude over the leads at
     * each sample, averaged over about 20 ms ({@code smoothing} samples) and scaled to 0..1.
     */
    static double[] saliencyOverTime(MultiLayerNetwork network, INDArray signal, int cls, int classes, int smoothing) {
        var labels = Nd4j.zeros(signal.dataType(), 1, classes);
        labels.putScalar(0, cls, 1.0);
        var gradient = network.calculateGradients(signal, labels, null, null).getSecond();
        int leads = (int) signal.size(1);
        int length = (int) signal.size(2);
        var raw = new double[length];
        for (int c = 0; c < leads; c++) {
            for (int t = 0; t < length; t++) {
                raw[t] = Math.max(raw[t], Math.abs(gradient.getDouble(0, c, t)));
            }
        }
        int half = Math.max(0, smoothing / 2);
        var smoothed = new double[length];
        double max = 0;
        for (int t = 0; t < length; t++) {
            double sum = 0;
            int n = 0;
            for (int k = Math.max(0, t - half); k <= Math.min(length - 1, t + half); k++) {
                sum += raw[k];
                n++;
            }
            smoothed[t] = sum / n;
            max = Math.max(max, smoothed[t]);
        }
        if (max > 0) {
            for (int t = 0; t < length; t++) {
                smoothed[t] /= max;
            }
        }
        return smoothed;
    }

    static double[][] occlusion(MultiLayerNetwork network, INDArray image, int cls) {
        int channels = (int) image.size(1);
        int height = (int) image.size(2);
        int width = (int) image.size(3);
        double fill = image.meanNumber().doubleValue();
        var corners = new ArrayList<int[]>();
        for (int top = 0; top + PATCH <= height; top += STRIDE) {
            for (int left = 0; left + PATCH <= width; left += STRIDE) {
                corners.add(new int[] {top, left});
            }
        }
        var batch = Nd4j.tile(image, corners.size(), 1, 1, 1);
        for (int k = 0; k < corners.size(); k++) {
            int top = corners.get(k)[0];
            int left = corners.get(k)[1];
            for (int c = 0; c < channels; c++) {
                for (int h = top; h < top + PATCH; h++) {
                    for (int w = left; w < left + PATCH; w++) {
                        batch.putScalar(new long[] {k, c, h, w}, fill);
                    }
                }
            }
        }
        double base = network.output(image, false).getDouble(0, cls);
        var out = network.output(batch, false);
        var sum = new double[height][width];
        var count = new int[height][width];
        for (int k = 0; k < corners.size(); k++) {
            double drop = Math.max(0, base - out.getDouble(k, cls));
            for (int h = corners.get(k)[0]; h < corners.get(k)[0] + PATCH; h++) {
                for (int w = corners.get(k)[1]; w < corners.get(k)[1] + PATCH; w++) {
                    sum[h][w] += drop;
                    count[h][w]++;
                }
            }
        }
        for (int h = 0; h < height; h++) {
            for (int w = 0; w < width; w++) {
                sum[h][w] = count[h][w] == 0 ? 0 : sum[h][w] / count[h][w];
            }
        }
        return scaled(sum);
    }

    /**
     * In-silico mutagenesis of a one-hot sequence (1 x 4 x L): for each position, the largest drop in the class's
     * probability when the position is set to each definite base in turn (the unchanged base gives no drop; an
     * ambiguous or padded position is tried with all four).
     */
    static double[] mutagenesis(MultiLayerNetwork network, INDArray sequence, int cls) {
        int length = (int) sequence.size(2);
        var batch = Nd4j.tile(sequence, 4 * length, 1, 1);
        for (int position = 0; position < length; position++) {
            for (int b = 0; b < 4; b++) {
                long row = 4L * position + b;
                for (int k = 0; k < 4; k++) {
                    batch.putScalar(new long[] {row, k, position}, k == b ? 1 : 0);
                }
            }
        }
        double p0 = network.output(sequence, false).getDouble(0, cls);
        var out = network.output(batch, false);
        var importance = new double[length];
        for (int position = 0; position < length; position++) {
            double drop = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < 4; b++) {
                drop = Math.max(drop, p0 - out.getDouble(4L * position + b, cls));
            }
            importance[position] = drop;
        }
        return importance;
    }

    /** The base (0..3 for A, C, G, T) at a position of a one-hot sequence; -1 where none is set. */
    static int current(INDArray sequence, int position) {
        for (int k = 0; k < 4; k++) {
            if (sequence.getDouble(0, k, position) > 0.5) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Per column: the class's probability minus what it becomes when the column's inputs are set to 0, which is the
     * training mean of a standardised measurement (and "no category" for one-hot columns).
     */
    static List<Explanation.Contribution> contributions(
            MultiLayerNetwork network, INDArray row, List<FeatureRange> ranges, int cls) {
        var batch = Nd4j.tile(row, ranges.size(), 1);
        for (int r = 0; r < ranges.size(); r++) {
            for (int f = ranges.get(r).from(); f < ranges.get(r).to(); f++) {
                batch.putScalar(r, f, 0);
            }
        }
        double p0 = network.output(row, false).getDouble(0, cls);
        var out = network.output(batch, false);
        var list = new ArrayList<Explanation.Contribution>();
        for (int r = 0; r < ranges.size(); r++) {
            list.add(new Explanation.Contribution(ranges.get(r).column(), p0 - out.getDouble(r, cls)));
        }
        list.sort((a, b) -> Double.compare(Math.abs(b.effect()), Math.abs(a.effect())));
        return list;
    }

    /** Permutation importance per column on the test split (seeded), largest drop first. */
    static List<FeatureImportance> permutation(
            MultiLayerNetwork network,
            INDArray features,
            int[] truth,
            List<FeatureRange> ranges,
            int positive,
            int classes) {
        double base = score(network.output(features, false), truth, positive, classes);
        var random = new SplittableRandom(SEED);
        int n = (int) features.size(0);
        var list = new ArrayList<FeatureImportance>();
        for (var range : ranges) {
            var drops = new double[PERMUTATION_REPEATS];
            for (int r = 0; r < PERMUTATION_REPEATS; r++) {
                var shuffled = features.dup();
                var order = new int[n];
                Arrays.setAll(order, i -> i);
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int i = 0; i < n; i++) {
                    for (int f = range.from(); f < range.to(); f++) {
                        shuffled.putScalar(i, f, features.getDouble(order[i], f));
                    }
                }
                drops[r] = base - score(network.output(shuffled, false), truth, positive, classes);
            }
            double mean = Arrays.stream(drops).average().orElse(0);
            double spread = Math.sqrt(
                    Arrays.stream(drops).map(d -> (d - mean) * (d - mean)).sum() / Math.max(1, drops.length - 1));
            list.add(new FeatureImportance(range.column(), mean, spread));
        }
        list.sort((a, b) -> Double.compare(b.drop(), a.drop()));
        return list;
    }

    /** AUC for two classes (accuracy where AUC is undefined), accuracy for more. */
    static double score(INDArray output, int[] truth, int positive, int classes) {
        int n = truth.length;
        if (classes == 2) {
            var scores = new double[n];
            var isPositive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = output.getDouble(i, positive);
                isPositive[i] = truth[i] == positive;
            }
            var auc = RocAnalysis.auc(scores, isPositive);
            if (auc.defined()) {
                return auc.value();
            }
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (Evaluator.argmax(output.getRow(i).toDoubleVector()) == truth[i]) {
                correct++;
            }
        }
        return (double) correct / Math.max(1, n);
    }

    private static double[][] scaled(double[][] map) {
        double max = Arrays.stream(map).flatMapToDouble(Arrays::stream).max().orElse(0);
        if (max <= 0) {
            return map;
        }
        for (var row : map) {
            for (int i = 0; i < row.length; i++) {
                row[i] /= max;
            }
        }
        return map;
    }
}
