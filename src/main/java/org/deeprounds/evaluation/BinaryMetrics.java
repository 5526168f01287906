package org.deeprounds.evaluation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The threshold-dependent metrics of a binary test, each with a 95% interval: Wilson for the proportions
 * (sensitivity, specificity, PPV, NPV, accuracy), a seeded percentile bootstrap over cases for balanced accuracy and
 * F1, which are not simple proportions.
 */
public record BinaryMetrics(
        double threshold,
        Confusion confusionMatrix,
        Estimate sensitivity,
        Estimate specificity,
        Estimate ppv,
        Estimate npv,
        Estimate accuracy,
        Estimate balancedAccuracy,
        Estimate f1) {

    static final int BOOTSTRAP_SAMPLES = 1000;
    static final long BOOTSTRAP_SEED = 20261126L;

    static BinaryMetrics at(double[] scores, boolean[] positive, double threshold) {
        var c = Confusion.at(scores, positive, threshold);
        return new BinaryMetrics(
                threshold,
                c,
                Estimate.proportion(c.tp(), c.tp() + c.fn()),
                Estimate.proportion(c.tn(), c.tn() + c.fp()),
                Estimate.proportion(c.tp(), c.tp() + c.fp()),
                Estimate.proportion(c.tn(), c.tn() + c.fn()),
                Estimate.proportion(c.tp() + c.tn(), c.total()),
                bootstrap(scores, positive, threshold, Confusion::balancedAccuracy),
                bootstrap(scores, positive, threshold, Confusion::f1));
    }

    /** Percentile interval of {@code metric} over resampled test sets (undefined resamples are skipped). */
    static Estimate bootstrap(
            double[] scores, boolean[] positive, double threshold, ToDoubleFunction<Confusion> metric) {
        double value = metric.applyAsDouble(Confusion.at(scores, positive, threshold));
        if (!Double.isFinite(value)) {
            return Estimate.undefined("bootstrap");
        }
        int n = scores.length;
        var random = new SplittableRandom(BOOTSTRAP_SEED);
        var samples = new double[BOOTSTRAP_SAMPLES];
        int kept = 0;
        var s = new double[n];
        var p = new boolean[n];
        for (int b = 0; b < BOOTSTRAP_SAMPLES; b++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                s[i] = scores[pick];
                p[i] = positive[pick];
            }
            double v = metric.applyAsDouble(Confusion.at(s, p, threshold));
            if (Double.isFinite(v)) {
                samples[kept++] = v;
            }
        }
        if (kept < 20) {
            return Estimate.of(value, Double.NaN, Double.NaN, "bootstrap");
        }
        var sorted = Arrays.copyOf(samples, kept);
        Arrays.sort(sorted);
        return Estimate.of(
                value,
                sorted[(int) Math.floor(0.025 * (kept - 1))],
                sorted[(int) Math.ceil(0.975 * (kept - 1))],
                "bootstrap");
    }

    /** The highest threshold whose sensitivity is at least {@code target} ("rule out": few missed cases). */
    static double ruleOut(double[] scores, boolean[] positive, double target) {
        double best = Double.NaN;
        for (var point : RocAnalysis.curve(scores, positive)) {
            if (Double.isFinite(point.threshold()) && point.tpr() >= target) {
                return point.threshold();
            }
        }
        return best;
    }

    /** The lowest threshold whose specificity is at least {@code target} ("rule in": few false alarms). */
    static double ruleIn(double[] scores, boolean[] positive, double target) {
        double found = Double.NaN;
        for (var point : RocAnalysis.curve(scores, positive)) {
            if (Double.isFinite(point.threshold()) && 1 - point.fpr() >= target) {
                found = point.threshold();
            }
        }
        return found;
    }
}
