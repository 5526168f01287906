package org.deeprounds.evaluation.reader;

import java.util.ArrayList;
import java.util.List;
import org.deeprounds.evaluation.Estimate;
import org.deeprounds.evaluation.RocAnalysis;

/**
 * What a reader study shows, as {@code GET /api/v1/reader-studies/{id}/results} returns it (field names are an API
 * contract): the reader's calls without and with the model, the model on the same cases, and how the model's advice
 * changed the reader's calls.
 *
 * @param assisted null until the assisted round is complete
 * @param switches null until the assisted round is complete
 * @param readerAuc the area under the reader's own ROC curve, from calls and confidence on a 10-point scale
 * @param bothMissed cases the reader (unassisted) and the model both called wrongly, to look at
 */
public record ReaderResults(
        int cases,
        String positiveClass,
        Reading unassisted,
        Reading assisted,
        Model model,
        Switches switches,
        Estimate readerAuc,
        List<Point> readerRoc,
        List<Point> modelRoc,
        List<String> bothMissed) {

    /** A reader's calls against the truth, with 95% Wilson intervals. */
    public record Reading(
            long tp,
            long fp,
            long tn,
            long fn,
            Double sensitivity,
            Double specificity,
            List<Double> sensitivityCi,
            List<Double> specificityCi) {

        static Reading of(boolean[] positive, boolean[] calledPositive) {
            long tp = 0;
            long fp = 0;
            long tn = 0;
            long fn = 0;
            for (int i = 0; i < positive.length; i++) {
                if (positive[i]) {
                    if (calledPositive[i]) {
                        tp++;
                    } else {
                        fn++;
                    }
                } else if (calledPositive[i]) {
                    fp++;
                } else {
                    tn++;
                }
            }
            var sensitivity = Estimate.proportion(tp, tp + fn);
            var specificity = Estimate.proportion(tn, tn + fp);
            return new Reading(
                    tp,
                    fp,
                    tn,
                    fn,
                    sensitivity.value(),
                    specificity.value(),
                    interval(sensitivity),
                    interval(specificity));
        }

        private static List<Double> interval(Estimate e) {
            return e.defined() ? List.of(e.ciLow(), e.ciHigh()) : List.of();
        }
    }

    /** The run's model on the same cases, at its locked threshold (0.5 where none is locked). */
    public record Model(
            Double auc, Double sensitivity, Double specificity, double threshold, boolean thresholdLocked) {}

    /**
     * How the assisted round changed the unassisted calls: a right call made wrong (automation bias), a wrong one made
     * right, and calls changed at all.
     */
    public record Switches(int rightToWrong, int wrongToRight, int changed) {}

    /** A point of an ROC curve. */
    public record Point(double fpr, double tpr) {}

    /**
     * The results from the truth of each case (in one order), the reader's calls and confidence per phase in the same
     * order (assisted ones null until that round is complete), and the model's probability of the positive class.
     */
    static ReaderResults of(
            List<String> caseIds,
            String positiveClass,
            boolean[] positive,
            boolean[] unassisted,
            int[] unassistedConfidence,
            boolean[] assisted,
            double[] modelScore,
            double threshold,
            boolean thresholdLocked) {
        int n = positive.length;
        var first = Reading.of(positive, unassisted);
        var modelCalls = new boolean[n];
        for (int i = 0; i < n; i++) {
            modelCalls[i] = modelScore[i] >= threshold;
        }
        var modelReading = Reading.of(positive, modelCalls);
        var model = new Model(
                RocAnalysis.auc(modelScore, positive).value(),
                modelReading.sensitivity(),
                modelReading.specificity(),
                threshold,
                thresholdLocked);
        // The reader's own curve: a positive call at confidence 5 ranks highest, a negative call at 5 lowest.
        var ordinal = new double[n];
        for (int i = 0; i < n; i++) {
            ordinal[i] = unassisted[i] ? 5 + unassistedConfidence[i] : 6 - unassistedConfidence[i];
        }
        var bothMissed = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            if (unassisted[i] != positive[i] && modelCalls[i] != positive[i]) {
                bothMissed.add(caseIds.get(i));
            }
        }
        Switches switches = null;
        if (assisted != null) {
            int rightToWrong = 0;
            int wrongToRight = 0;
            int changed = 0;
            for (int i = 0; i < n; i++) {
                boolean wasRight = unassisted[i] == positive[i];
                boolean isRight = assisted[i] == positive[i];
                if (assisted[i] != unassisted[i]) {
                    changed++;
                }
                if (wasRight && !isRight) {
                    rightToWrong++;
                } else if (!wasRight && isRight) {
                    wrongToRight++;
                }
            }
            switches = new Switches(rightToWrong, wrongToRight, changed);
        }
        return new ReaderResults(
                n,
                positiveClass,
                first,
                assisted == null ? null : Reading.of(positive, assisted),
                model,
                switches,
                RocAnalysis.auc(ordinal, positive),
                points(ordinal, positive),
                points(modelScore, positive),
                List.copyOf(bothMissed));
    }

    private static List<Point> points(double[] scores, boolean[] positive) {
        return RocAnalysis.curve(scores, positive).stream()
                .map(p -> new Point(p.fpr(), p.tpr()))
                .toList();
    }
}
