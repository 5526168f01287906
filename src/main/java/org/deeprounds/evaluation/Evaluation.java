package org.deeprounds.evaluation;

import java.util.List;

/**
 * A run judged on its held-out test split, as {@code GET /api/v1/runs/{id}/evaluation} returns it. For binary tasks
 * the threshold metrics describe the positive class at {@code threshold}; multi-class tasks fill {@code macroAuc},
 * {@code perClass} and {@code matrix} and leave the binary fields null. Field names are an API contract.
 *
 * @param presets thresholds for rule-out (sensitivity ≥ 0.95) and rule-in (specificity ≥ 0.95) use, chosen on the
 *     validation split
 * @param subgroups per-group metrics for datasets with sensitive columns; empty where the dataset has none
 */
public record Evaluation(
        String split,
        int cases,
        List<String> classes,
        Double threshold,
        String positiveClass,
        Double prevalence,
        Estimate auc,
        Estimate sensitivity,
        Estimate specificity,
        Estimate ppv,
        Estimate npv,
        Estimate accuracy,
        Estimate balancedAccuracy,
        Estimate f1,
        Confusion confusionMatrix,
        List<RocPoint> roc,
        List<PrPoint> precisionRecall,
        Calibration calibration,
        Presets presets,
        List<SubgroupReport> subgroups,
        List<Baseline> baselines,
        Double macroAuc,
        List<PerClass> perClass,
        long[][] matrix) {

    /** A point of the ROC curve; the first, above every score, has no threshold. */
    public record RocPoint(Double threshold, double fpr, double tpr) {}

    public record PrPoint(double threshold, double recall, double precision) {}

    /**
     * Rule-out and rule-in thresholds, chosen on {@code chosenOn} (the validation split, never the test split).
     *
     * @param ruleOut the rule-out threshold; never above {@code ruleIn}
     */
    public record Presets(Double ruleOut, Double ruleIn, String chosenOn, Preset ruleOutPreset, Preset ruleInPreset) {}

    /**
     * One preset: what it aims for, the threshold chosen for it (null when none reaches the aim), the sensitivity and
     * specificity it had on the validation split where it was chosen and has on the test split, and a reading that
     * says what it means for this model (including why it moved the way it did).
     */
    public record Preset(
            String aim,
            double target,
            Double threshold,
            Double validationSensitivity,
            Double validationSpecificity,
            Double testSensitivity,
            Double testSpecificity,
            String reading) {}

    /** A rule to beat, evaluated on the same test cases. */
    public record Baseline(
            String name, String description, Double accuracy, Double sensitivity, Double specificity, Double auc) {}

    /** One class against the rest (multi-class tasks). */
    public record PerClass(String label, int support, Estimate auc, Estimate sensitivity, Estimate ppv) {}
}
