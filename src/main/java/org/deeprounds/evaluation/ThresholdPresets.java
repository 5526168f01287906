package org.deeprounds.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Chooses the rule-out and rule-in thresholds on the validation split, never the test split: a threshold picked on
 * the cases that then grade it makes the grade optimistic. The test split only reports what the choice achieved.
 *
 * <p>Rule-out aims for a sensitivity of at least {@link #RULE_OUT_SENSITIVITY} (SnNout: few missed cases) at the
 * highest threshold that reaches it; rule-in for a specificity of at least {@link #RULE_IN_SPECIFICITY} (SpPin: few
 * false alarms) at the lowest. A strong model can meet both aims over a whole range of thresholds; then rule-out takes
 * the bottom of that range and rule-in the top, so rule-out never sits above rule-in and always finds at least as many
 * cases. Thresholds are on the slider's 0.01 steps, rounded in the direction that keeps the aim met.
 */
final class ThresholdPresets {

    static final double RULE_OUT_SENSITIVITY = 0.95;
    static final double RULE_IN_SPECIFICITY = 0.95;
    /** Where the threshold slider starts; the readings say which way each preset moved from it. */
    static final double START = 0.5;

    private ThresholdPresets() {}

    /** Validation and test scores of the positive class, with the truth of each case. */
    static Evaluation.Presets choose(
            double[] validationScores, boolean[] validationPositive, double[] testScores, boolean[] testPositive) {
        if (validationScores == null || validationScores.length == 0) {
            var none = "No validation predictions: a preset is never chosen on the test split.";
            return new Evaluation.Presets(
                    null,
                    null,
                    "validation",
                    unavailable(ruleOutAim(), RULE_OUT_SENSITIVITY, none),
                    unavailable(ruleInAim(), RULE_IN_SPECIFICITY, none));
        }
        double sensitive = BinaryMetrics.ruleOut(validationScores, validationPositive, RULE_OUT_SENSITIVITY);
        double specific = BinaryMetrics.ruleIn(validationScores, validationPositive, RULE_IN_SPECIFICITY);
        Double out = Double.isFinite(sensitive) ? step(sensitive, RoundingMode.FLOOR) : null;
        Double in = Double.isFinite(specific) ? step(specific, RoundingMode.CEILING) : null;
        boolean overlap = out != null && in != null && out > in;
        if (overlap) {
            // Both aims hold from 'in' to 'out': the most sensitive end rules out, the most specific rules in.
            var low = in;
            in = out;
            out = low;
        }
        return new Evaluation.Presets(
                out,
                in,
                "validation",
                preset(
                        ruleOutAim(),
                        RULE_OUT_SENSITIVITY,
                        out,
                        validationScores,
                        validationPositive,
                        testScores,
                        testPositive,
                        true,
                        overlap ? in : null),
                preset(
                        ruleInAim(),
                        RULE_IN_SPECIFICITY,
                        in,
                        validationScores,
                        validationPositive,
                        testScores,
                        testPositive,
                        false,
                        overlap ? out : null));
    }

    private static String ruleOutAim() {
        return "Rule-out aims for a sensitivity of at least " + whole(RULE_OUT_SENSITIVITY)
                + " (few missed cases: a negative call makes the condition unlikely)";
    }

    private static String ruleInAim() {
        return "Rule-in aims for a specificity of at least " + whole(RULE_IN_SPECIFICITY)
                + " (few false alarms: a positive call makes the condition likely)";
    }

    private static Evaluation.Preset unavailable(String aim, double target, String reading) {
        return new Evaluation.Preset(aim, target, null, null, null, null, null, reading);
    }

    private static Evaluation.Preset preset(
            String aim,
            double target,
            Double threshold,
            double[] validationScores,
            boolean[] validationPositive,
            double[] testScores,
            boolean[] testPositive,
            boolean ruleOut,
            Double otherEnd) {
        if (threshold == null) {
            return unavailable(
                    aim,
                    target,
                    ruleOut
                            ? "The validation split has no positive case, so no rule-out threshold can be chosen."
                            : "No threshold reaches this specificity on the validation split.");
        }
        var validation = Confusion.at(validationScores, validationPositive, threshold);
        var test = Confusion.at(testScores, testPositive, threshold);
        Double sensitivity = share(validation.tp(), validation.tp() + validation.fn());
        Double specificity = share(validation.tn(), validation.tn() + validation.fp());
        return new Evaluation.Preset(
                aim,
                target,
                threshold,
                sensitivity,
                specificity,
                share(test.tp(), test.tp() + test.fn()),
                share(test.tn(), test.tn() + test.fp()),
                reading(threshold, sensitivity, specificity, ruleOut, otherEnd));
    }

    /** What the preset did on this model, in a trainee's words, and which way it moved from the starting 0.5. */
    static String reading(double threshold, Double sensitivity, Double specificity, boolean ruleOut, Double otherEnd) {
        var at = format(threshold);
        var start = format(START);
        var sb = new StringBuilder();
        if (ruleOut) {
            sb.append("Chosen on the validation split: at ")
                    .append(at)
                    .append(" sensitivity was ")
                    .append(percent(sensitivity))
                    .append(" and specificity ")
                    .append(percent(specificity))
                    .append(". ");
            if (threshold < START) {
                sb.append("That is below the starting ")
                        .append(start)
                        .append(": ruling out calls more cases positive, so fewer are missed.");
            } else {
                sb.append("On this model even ")
                        .append(at)
                        .append(" keeps sensitivity at ")
                        .append(percent(sensitivity))
                        .append(", so ruling out does not need a threshold below ")
                        .append(start)
                        .append(" here.");
            }
        } else {
            sb.append("Chosen on the validation split: at ")
                    .append(at)
                    .append(" specificity was ")
                    .append(percent(specificity))
                    .append(" and sensitivity ")
                    .append(percent(sensitivity))
                    .append(". ");
            if (threshold > START) {
                sb.append("That is above the starting ")
                        .append(start)
                        .append(": ruling in calls fewer cases positive, so fewer are false alarms.");
            } else {
                sb.append("On this model even ")
                        .append(at)
                        .append(" keeps specificity at ")
                        .append(percent(specificity))
                        .append(", so ruling in does not need a threshold above ")
                        .append(start)
                        .append(" here.");
            }
        }
        if (otherEnd != null) {
            double low = Math.min(threshold, otherEnd);
            double high = Math.max(threshold, otherEnd);
            sb.append(" Both aims are met together anywhere from ")
                    .append(format(low))
                    .append(" to ")
                    .append(format(high))
                    .append(
                            ruleOut
                                    ? "; rule-out takes the lowest of these, the one that misses fewest cases."
                                    : "; rule-in takes the highest of these, the one with fewest false alarms.");
        }
        return sb.toString();
    }

    /** The threshold on the slider's 0.01 grid, rounded the way that keeps the preset's aim met. */
    static double step(double threshold, RoundingMode mode) {
        return BigDecimal.valueOf(threshold).setScale(2, mode).doubleValue();
    }

    private static Double share(long k, long n) {
        return n == 0 ? null : (double) k / n;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(Double value) {
        return value == null ? "undefined" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static String whole(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
