package org.deeprounds.curriculum;

import java.util.List;
import java.util.regex.Pattern;

/** A pass criterion, {@code <measure> <op> <value>}, e.g. {@code test.auc >= 0.85} or {@code run.status == DIVERGED}. */
public record Criterion(String measure, String op, String value) {

    public static final List<String> MEASURES = List.of(
            "test.auc",
            "test.sensitivity",
            "test.specificity",
            "test.ppv",
            "test.npv",
            "test.accuracy",
            "test.balancedAccuracy",
            "test.f1",
            "test.brier",
            "test.ece",
            "test.sensitivityGap",
            "validation.loss",
            "validation.accuracy",
            "validation.auc",
            "validation.sensitivity",
            "validation.specificity",
            "validation.ppv",
            "validation.npv",
            "validation.balancedAccuracy",
            "run.status",
            "run.epochs",
            "reader.accuracy",
            "reader.sensitivity",
            "reader.specificity",
            "reader.assistedAccuracy");

    public static final List<String> STATUSES =
            List.of("COMPLETED", "DIVERGED", "CANCELLED", "FAILED", "INTERRUPTED", "RUNNING", "QUEUED");

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z.]+)\\s*(>=|<=|==|>|<)\\s*(\\S+)\\s*");

    /** Parses {@code text}; a problem is described in the exception's message. */
    public static Criterion parse(String text) {
        var m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a criterion; write <measure> <op> <value>, e.g. test.auc >= 0.85");
        }
        var measure = m.group(1);
        if (!MEASURES.contains(measure)) {
            throw new IllegalArgumentException("unknown measure '" + measure + "'"
                    + Suggestions.didYouMean(measure, MEASURES) + "; measures: " + String.join(", ", MEASURES));
        }
        var op = m.group(2);
        var value = m.group(3);
        if (measure.equals("run.status")) {
            if (!op.equals("==")) {
                throw new IllegalArgumentException("run.status can only be compared with ==");
            }
            if (!STATUSES.contains(value)) {
                throw new IllegalArgumentException("unknown run status '" + value + "'"
                        + Suggestions.didYouMean(value, STATUSES) + "; statuses: " + String.join(", ", STATUSES));
            }
        } else {
            try {
                Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number (in " + text.strip() + ")");
            }
        }
        return new Criterion(measure, op, value);
    }

    /** Whether {@code actual} (a number, or a status name for run.status) meets the criterion. */
    public boolean metBy(Object actual) {
        if (actual == null) {
            return false;
        }
        if (measure.equals("run.status")) {
            return value.equals(actual.toString());
        }
        double a = ((Number) actual).doubleValue();
        double v = Double.parseDouble(value);
        if (!Double.isFinite(a)) {
            return false;
        }
        return switch (op) {
            case ">=" -> a >= v;
            case "<=" -> a <= v;
            case ">" -> a > v;
            case "<" -> a < v;
            default -> a == v;
        };
    }

    @Override
    public String toString() {
        return measure + " " + op + " " + value;
    }

    /** Measures read on the validation split at the run's locked threshold: they grade the trainee's choice. */
    static final List<String> AT_LOCKED_THRESHOLD = List.of(
            "validation.sensitivity",
            "validation.specificity",
            "validation.ppv",
            "validation.npv",
            "validation.balancedAccuracy");

    /** Whether the measure is read on the validation split at the locked threshold. */
    public boolean atLockedThreshold() {
        return AT_LOCKED_THRESHOLD.contains(measure);
    }

    /** How the measure reads for a trainee, e.g. "test AUC". */
    public String label() {
        return switch (measure) {
            case "test.auc" -> "test AUC";
            case "test.ppv" -> "test PPV";
            case "test.npv" -> "test NPV";
            case "test.ece" -> "test expected calibration error";
            case "test.brier" -> "test Brier score";
            case "test.f1" -> "test F1";
            case "test.balancedAccuracy" -> "test balanced accuracy";
            case "test.sensitivityGap" -> "largest sensitivity gap between subgroups (test)";
            case "validation.auc" -> "validation AUC";
            case "validation.ppv" -> "validation PPV at the locked threshold";
            case "validation.npv" -> "validation NPV at the locked threshold";
            case "validation.sensitivity" -> "validation sensitivity at the locked threshold";
            case "validation.specificity" -> "validation specificity at the locked threshold";
            case "validation.balancedAccuracy" -> "validation balanced accuracy at the locked threshold";
            case "run.status" -> "run status";
            case "reader.accuracy" -> "your accuracy without the model";
            case "reader.sensitivity" -> "your sensitivity without the model";
            case "reader.specificity" -> "your specificity without the model";
            case "reader.assistedAccuracy" -> "your accuracy with the model";
            case "run.epochs" -> "epochs trained";
            default -> measure.replace('.', ' ');
        };
    }
}
