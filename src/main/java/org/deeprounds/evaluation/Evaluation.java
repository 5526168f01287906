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
 * @param lockedThreshold the run's locked threshold, or null while none is locked
 * @param thresholdChosenOn {@code validation} or {@code test} (locked after the test figures were shown); null while
 *     none is locked
 * @param netBenefit the model's net benefit against treating everyone, across thresholds (binary tasks)
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
        long[][] matrix,
        Double lockedThreshold,
        String thresholdChosenOn,
        List<NetBenefitPoint> netBenefit) {

    /** The same figures, for another split or with the run's lock; the validation view keeps nothing of the test. */
    Evaluation with(String split, Double lockedThreshold, String thresholdChosenOn) {
        var presets = this.presets == null || !split.equals("validation") ? this.presets : this.presets.withoutTest();
        return new Evaluation(
                split,
                cases,
                classes,
                threshold,
                positiveClass,
                prevalence,
                auc,
                sensitivity,
                specificity,
                ppv,
                npv,
                accuracy,
                balancedAccuracy,
                f1,
                confusionMatrix,
                roc,
                precisionRecall,
                calibration,
                presets,
                subgroups,
                split.equals("validation") ? List.of() : baselines,
                macroAuc,
                perClass,
                matrix,
                lockedThreshold,
                thresholdChosenOn,
                netBenefit);
    }

    /**
     * Decision-curve point: the net benefit of acting on the model's calls at {@code threshold} (true positives per
     * case, less false positives per case weighted by the odds of the threshold), and of treating everyone.
     */
    public record NetBenefitPoint(double threshold, double model, double treatAll) {}

    /** A point of the ROC curve; the first, above every score, has no threshold. */
    public record RocPoint(Double threshold, double fpr, double tpr) {}

    public record PrPoint(double threshold, double recall, double precision) {}

    /**
     * Rule-out and rule-in thresholds, chosen on {@code chosenOn} (the validation split, never the test split).
     *
     * @param ruleOut the rule-out threshold; never above {@code ruleIn}
     */
    public record Presets(Double ruleOut, Double ruleIn, String chosenOn, Preset ruleOutPreset, Preset ruleInPreset) {

        /** The presets as the validation view shows them: nothing from the test split. */
        Presets withoutTest() {
            return new Presets(
                    ruleOut,
                    ruleIn,
                    chosenOn,
                    ruleOutPreset == null ? null : ruleOutPreset.withoutTest(),
                    ruleInPreset == null ? null : ruleInPreset.withoutTest());
        }
    }

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
            String reading) {

        Preset withoutTest() {
            return new Preset(
                    aim, target, threshold, validationSensitivity, validationSpecificity, null, null, reading);
        }
    }

    /** A rule to beat, evaluated on the same test cases. */
    public record Baseline(
            String name, String description, Double accuracy, Double sensitivity, Double specificity, Double auc) {}

    /** One class against the rest (multi-class tasks). */
    public record PerClass(String label, int support, Estimate auc, Estimate sensitivity, Estimate ppv) {}
}
