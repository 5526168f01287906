package org.deeprounds.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Decision curves (Vickers and Elkin, 2006): at threshold probability t, acting on the model's positive calls is worth
 * TP/n − FP/n · t/(1−t), treating everyone prev − (1−prev) · t/(1−t), treating no one 0. The weight t/(1−t) is the
 * exchange rate a clinician accepts by choosing t: at 0.2, one case found is worth four needless treatments.
 */
public final class NetBenefit {

    /** Thresholds from 0.01 to 0.99 in steps of 0.01. */
    static final int STEPS = 99;

    private NetBenefit() {}

    /** Net benefit of acting on calls at {@code threshold} (score ≥ threshold is a positive call). */
    public static double of(double[] scores, boolean[] positive, double threshold) {
        int n = scores.length;
        if (n == 0) {
            return 0;
        }
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < n; i++) {
            if (scores[i] >= threshold) {
                if (positive[i]) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return (double) tp / n - (double) fp / n * threshold / (1 - threshold);
    }

    /** Net benefit from a confusion matrix's true and false positives among {@code n} cases. */
    public static double of(long tp, long fp, int n, double threshold) {
        return n == 0 ? 0 : (double) tp / n - (double) fp / n * threshold / (1 - threshold);
    }

    /** Net benefit of treating everyone at {@code threshold}, given the share of positives. */
    public static double treatAll(double prevalence, double threshold) {
        return prevalence - (1 - prevalence) * threshold / (1 - threshold);
    }

    static List<Evaluation.NetBenefitPoint> curve(double[] scores, boolean[] positive) {
        if (scores.length == 0) {
            return List.of();
        }
        long positives = 0;
        for (boolean p : positive) {
            if (p) {
                positives++;
            }
        }
        double prevalence = (double) positives / scores.length;
        var out = new ArrayList<Evaluation.NetBenefitPoint>(STEPS);
        for (int k = 1; k <= STEPS; k++) {
            double t = k / 100.0;
            out.add(new Evaluation.NetBenefitPoint(t, of(scores, positive, t), treatAll(prevalence, t)));
        }
        return List.copyOf(out);
    }
}
