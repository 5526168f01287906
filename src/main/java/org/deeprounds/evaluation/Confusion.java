package org.deeprounds.evaluation;

/** Counts at one threshold: a case is called positive when its score is at least the threshold. */
public record Confusion(long tp, long fp, long tn, long fn) {

    static Confusion at(double[] scores, boolean[] positive, double threshold) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean called = scores[i] >= threshold;
            if (positive[i]) {
                if (called) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (called) {
                fp++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    long total() {
        return tp + fp + tn + fn;
    }

    double sensitivity() {
        return ratio(tp, tp + fn);
    }

    double specificity() {
        return ratio(tn, tn + fp);
    }

    double ppv() {
        return ratio(tp, tp + fp);
    }

    double npv() {
        return ratio(tn, tn + fn);
    }

    double accuracy() {
        return ratio(tp + tn, total());
    }

    /** Mean of sensitivity and specificity; NaN when either is undefined. */
    double balancedAccuracy() {
        return (sensitivity() + specificity()) / 2;
    }

    /** Harmonic mean of PPV and sensitivity: 2TP / (2TP + FP + FN). */
    double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
