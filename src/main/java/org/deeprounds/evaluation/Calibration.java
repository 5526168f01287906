package org.deeprounds.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether predicted probabilities mean what they say: the Brier score, the expected calibration error over equal-width
 * bins, and the bins for a reliability diagram.
 */
public record Calibration(double brier, double ece, List<Bin> bins) {

    /** Cases whose predicted probability fell in [from, to): their mean prediction and the observed positive share. */
    public record Bin(double from, double to, int count, double meanPredicted, double observed) {}

    static final int BINS = 10;

    static Calibration of(double[] probabilities, boolean[] positive) {
        int n = probabilities.length;
        if (n == 0) {
            return new Calibration(Double.NaN, Double.NaN, List.of());
        }
        double brier = 0;
        var sums = new double[BINS];
        var hits = new int[BINS];
        var counts = new int[BINS];
        for (int i = 0; i < n; i++) {
            double outcome = positive[i] ? 1 : 0;
            brier += (probabilities[i] - outcome) * (probabilities[i] - outcome);
            int bin = Math.min(BINS - 1, (int) Math.floor(probabilities[i] * BINS));
            sums[bin] += probabilities[i];
            hits[bin] += positive[i] ? 1 : 0;
            counts[bin]++;
        }
        double ece = 0;
        var bins = new ArrayList<Bin>();
        for (int b = 0; b < BINS; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double mean = sums[b] / counts[b];
            double observed = (double) hits[b] / counts[b];
            ece += (double) counts[b] / n * Math.abs(mean - observed);
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, counts[b], mean, observed));
        }
        return new Calibration(brier / n, ece, List.copyOf(bins));
    }
}
