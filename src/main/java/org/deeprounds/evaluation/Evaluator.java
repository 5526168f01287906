package org.deeprounds.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns test-split predictions into an {@link Evaluation}: pure arithmetic, no I/O. The threshold presets come from
 * the validation split's predictions ({@link ThresholdPresets}).
 */
final class Evaluator {

    private Evaluator() {}

    /**
     * @param positiveIndex the class whose probability is the score (binary tasks)
     * @param trainCounts class counts of the training split, for the majority-class baseline
     * @param groups per sensitive column, the group of each case (binary tasks get a subgroup report per column)
     * @param published what the literature reports for the dataset, listed as a baseline; may be null
     */
    static Evaluation evaluate(
            List<String> classes,
            int[] truth,
            double[][] probabilities,
            int positiveIndex,
            Double threshold,
            Map<String, Integer> trainCounts,
            Map<String, List<String>> groups,
            org.deeprounds.datasets.model.PublishedResult published) {
        return evaluate(
                classes, truth, probabilities, positiveIndex, threshold, trainCounts, groups, published, null, null);
    }

    /**
     * The same, with the validation split's truth and probabilities (same class order) from which the rule-out and
     * rule-in presets are chosen; without them there are no presets.
     */
    static Evaluation evaluate(
            List<String> classes,
            int[] truth,
            double[][] probabilities,
            int positiveIndex,
            Double threshold,
            Map<String, Integer> trainCounts,
            Map<String, List<String>> groups,
            org.deeprounds.datasets.model.PublishedResult published,
            int[] validationTruth,
            double[][] validationProbabilities) {
        int n = truth.length;
        String majority = classes.stream()
                .max(java.util.Comparator.comparingInt(c -> trainCounts.getOrDefault(c, 0)))
                .orElse(classes.getFirst());
        int majorityIndex = classes.indexOf(majority);
        if (classes.size() == 2) {
            var scores = new double[n];
            var positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities[i][positiveIndex];
                positive[i] = truth[i] == positiveIndex;
            }
            double t = threshold == null ? 0.5 : threshold;
            var m = BinaryMetrics.at(scores, positive, t);
            long positives = RocAnalysis.count(positive, true);
            var roc = RocAnalysis.curve(scores, positive).stream()
                    .map(p -> new Evaluation.RocPoint(
                            Double.isFinite(p.threshold()) ? p.threshold() : null, p.fpr(), p.tpr()))
                    .toList();
            var pr = RocAnalysis.precisionRecall(scores, positive).stream()
                    .map(p -> new Evaluation.PrPoint(p.threshold(), p.recall(), p.precision()))
                    .toList();
            boolean majorityPositive = majorityIndex == positiveIndex;
            long majorityCorrect = majorityPositive ? positives : n - positives;
            var baseline = new Evaluation.Baseline(
                    "Majority class",
                    "Calls every case '" + majority + "', the commonest class in the training split.",
                    n == 0 ? null : (double) majorityCorrect / n,
                    positives == 0 ? null : majorityPositive ? 1.0 : 0.0,
                    positives == n ? null : majorityPositive ? 0.0 : 1.0,
                    positives == 0 || positives == n ? null : 0.5);
            return new Evaluation(
                    "test",
                    n,
                    classes,
                    t,
                    classes.get(positiveIndex),
                    n == 0 ? null : (double) positives / n,
                    RocAnalysis.auc(scores, positive),
                    m.sensitivity(),
                    m.specificity(),
                    m.ppv(),
                    m.npv(),
                    m.accuracy(),
                    m.balancedAccuracy(),
                    m.f1(),
                    m.confusionMatrix(),
                    roc,
                    pr,
                    Calibration.of(scores, positive),
                    presets(validationTruth, validationProbabilities, positiveIndex, scores, positive),
                    groups.entrySet().stream()
                            .map(g -> SubgroupReport.of(g.getKey(), g.getValue(), scores, positive, t))
                            .toList(),
                    baselines(baseline, published),
                    null,
                    null,
                    null,
                    null,
                    null,
                    NetBenefit.curve(scores, positive));
        }
        return multiClass(classes, truth, probabilities, majority, majorityIndex, published);
    }

    private static Evaluation multiClass(
            List<String> classes,
            int[] truth,
            double[][] probabilities,
            String majority,
            int majorityIndex,
            org.deeprounds.datasets.model.PublishedResult published) {
        int n = truth.length;
        int k = classes.size();
        var matrix = new long[k][k];
        long correct = 0;
        for (int i = 0; i < n; i++) {
            int predicted = argmax(probabilities[i]);
            matrix[truth[i]][predicted]++;
            if (predicted == truth[i]) {
                correct++;
            }
        }
        var perClass = new ArrayList<Evaluation.PerClass>();
        double aucSum = 0;
        int aucCount = 0;
        for (int c = 0; c < k; c++) {
            var scores = new double[n];
            var positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities[i][c];
                positive[i] = truth[i] == c;
            }
            var auc = RocAnalysis.auc(scores, positive);
            if (auc.defined()) {
                aucSum += auc.value();
                aucCount++;
            }
            long support = matrix[c].length == 0
                    ? 0
                    : java.util.Arrays.stream(matrix[c]).sum();
            long calledC = 0;
            for (int r = 0; r < k; r++) {
                calledC += matrix[r][c];
            }
            perClass.add(new Evaluation.PerClass(
                    classes.get(c),
                    (int) support,
                    auc,
                    Estimate.proportion(matrix[c][c], support),
                    Estimate.proportion(matrix[c][c], calledC)));
        }
        long majorityCount = 0;
        for (int t : truth) {
            if (t == majorityIndex) {
                majorityCount++;
            }
        }
        var baseline = new Evaluation.Baseline(
                "Majority class",
                "Calls every case '" + majority + "', the commonest class in the training split.",
                n == 0 ? null : (double) majorityCount / n,
                null,
                null,
                0.5);
        return new Evaluation(
                "test",
                n,
                classes,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Estimate.proportion(correct, n),
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                baselines(baseline, published),
                aucCount == 0 ? null : aucSum / aucCount,
                List.copyOf(perClass),
                matrix,
                null,
                null,
                List.of());
    }

    /** The majority-class rule, then the published result where the dataset names one. */
    private static List<Evaluation.Baseline> baselines(
            Evaluation.Baseline majority, org.deeprounds.datasets.model.PublishedResult published) {
        if (published == null) {
            return List.of(majority);
        }
        boolean auc = published.metric().equalsIgnoreCase("auc");
        return List.of(
                majority,
                new Evaluation.Baseline(
                        "Published result",
                        published.source() + ". Measured on other splits or protocols: for orientation, not a"
                                + " like-for-like comparison.",
                        auc ? null : published.value(),
                        null,
                        null,
                        auc ? published.value() : null));
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Evaluation.Presets presets(
            int[] validationTruth,
            double[][] validationProbabilities,
            int positiveIndex,
            double[] testScores,
            boolean[] testPositive) {
        if (validationTruth == null) {
            return ThresholdPresets.choose(null, null, testScores, testPositive);
        }
        int n = validationTruth.length;
        var scores = new double[n];
        var positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = validationProbabilities[i][positiveIndex];
            positive[i] = validationTruth[i] == positiveIndex;
        }
        return ThresholdPresets.choose(scores, positive, testScores, testPositive);
    }
}
