package org.deeprounds.evaluation;

/**
 * A metric with its 95% confidence interval. Null where the metric is undefined (sensitivity with no positive case,
 * AUC with one class), so the JSON says so rather than writing NaN.
 *
 * @param method how the interval was computed: "Wilson", "DeLong" or "bootstrap"
 */
public record Estimate(Double value, Double ciLow, Double ciHigh, String method) {

    static final double Z95 = 1.959963984540054;

    static Estimate of(double value, double low, double high, String method) {
        return Double.isFinite(value) ? new Estimate(value, low, high, method) : new Estimate(null, null, null, method);
    }

    static Estimate undefined(String method) {
        return new Estimate(null, null, null, method);
    }

    /** k of n, with the Wilson score interval (sound for the small n and extreme shares of medical test sets). */
    public static Estimate proportion(long k, long n) {
        if (n == 0) {
            return undefined("Wilson");
        }
        double p = (double) k / n;
        double denominator = 1 + Z95 * Z95 / n;
        double centre = (p + Z95 * Z95 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + Z95 * Z95 / (4.0 * n * n)) / denominator;
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), "Wilson");
    }

    public boolean defined() {
        return value != null;
    }
}
