package org.deeprounds.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * ROC and precision-recall curves, and the area under the ROC curve with DeLong's 95% interval (DeLong, DeLong &
 * Clarke-Pearson, Biometrics 1988): AUC is the probability that a random positive case scores above a random
 * negative one, ties counting one half (the Mann-Whitney statistic).
 */
public final class RocAnalysis {

    /** One operating point: cases scoring at least {@code threshold} are called positive. */
    public record Point(double threshold, double fpr, double tpr) {}

    /** One precision-recall point at a threshold. */
    public record PrPoint(double threshold, double recall, double precision) {}

    private RocAnalysis() {}

    /** AUC with DeLong's interval, on the logit scale so the bounds stay inside [0, 1]; undefined with one class. */
    public static Estimate auc(double[] scores, boolean[] positive) {
        var pos = select(scores, positive, true);
        var neg = select(scores, positive, false);
        int m = pos.length;
        int n = neg.length;
        if (m == 0 || n == 0) {
            return Estimate.undefined("DeLong");
        }
        // Structural components: for each positive, the share of negatives it outranks; and vice versa.
        var v10 = new double[m];
        var v01 = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double psi = pos[i] > neg[j] ? 1 : pos[i] == neg[j] ? 0.5 : 0;
                v10[i] += psi / n;
                v01[j] += psi / m;
            }
        }
        double auc = Arrays.stream(v10).average().orElseThrow();
        double variance = (m > 1 ? sampleVariance(v10, auc) / m : 0) + (n > 1 ? sampleVariance(v01, auc) / n : 0);
        if (auc <= 0 || auc >= 1 || variance == 0) {
            // All positives above (or below) all negatives: the interval collapses on the logit scale; report the
            // exact value with the plain normal interval clipped to [0, 1].
            double half = Estimate.Z95 * Math.sqrt(variance);
            return Estimate.of(auc, Math.max(0, auc - half), Math.min(1, auc + half), "DeLong");
        }
        double logit = Math.log(auc / (1 - auc));
        double se = Math.sqrt(variance) / (auc * (1 - auc));
        double half = Estimate.Z95 * se;
        return Estimate.of(auc, expit(logit - half), expit(logit + half), "DeLong");
    }

    /**
     * The ROC curve through every distinct score, from (0,0) (threshold above every score) to (1,1) (threshold at the
     * lowest score).
     */
    public static List<Point> curve(double[] scores, boolean[] positive) {
        long totalPos = count(positive, true);
        long totalNeg = positive.length - totalPos;
        var order = descending(scores);
        var points = new ArrayList<Point>();
        points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (positive[i]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfScore = k == order.length - 1 || scores[order[k + 1]] != scores[i];
            if (lastOfScore) {
                points.add(new Point(scores[i], rate(fp, totalNeg), rate(tp, totalPos)));
            }
        }
        return points;
    }

    /** Precision and recall at every distinct score, from the highest threshold down. */
    static List<PrPoint> precisionRecall(double[] scores, boolean[] positive) {
        long totalPos = count(positive, true);
        var order = descending(scores);
        var points = new ArrayList<PrPoint>();
        long tp = 0;
        long called = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            called++;
            if (positive[i]) {
                tp++;
            }
            boolean lastOfScore = k == order.length - 1 || scores[order[k + 1]] != scores[i];
            if (lastOfScore) {
                points.add(new PrPoint(scores[i], rate(tp, totalPos), (double) tp / called));
            }
        }
        return points;
    }

    private static Integer[] boxedOrder(double[] scores) {
        var order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order;
    }

    private static int[] descending(double[] scores) {
        return Arrays.stream(boxedOrder(scores)).mapToInt(Integer::intValue).toArray();
    }

    private static double[] select(double[] scores, boolean[] positive, boolean wanted) {
        var out = new double[(int) count(positive, wanted)];
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i] == wanted) {
                out[k++] = scores[i];
            }
        }
        return out;
    }

    static long count(boolean[] positive, boolean wanted) {
        long c = 0;
        for (boolean p : positive) {
            if (p == wanted) {
                c++;
            }
        }
        return c;
    }

    private static double rate(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static double sampleVariance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
