package org.deeprounds.datasets.formats;

import java.math.BigDecimal;
import java.util.List;

/**
 * Two bands of a measurement, split at the exact median of its training values and labelled with the very number
 * compared: a value at or below it is in "age ≤ 57.5", above it in "age > 57.5". Arithmetic is in decimals, as the
 * values are written, so the label never differs from the cut by rounding (the mean of 0.1 and 0.2 is 0.15, not
 * 0.15000000000000002) and a value equal to the label's number is always in the lower band.
 */
final class MedianSplit {

    private final String column;
    private final BigDecimal cut;

    private MedianSplit(String column, BigDecimal cut) {
        this.column = column;
        this.cut = cut;
    }

    /** The split at the median of {@code trainingValues} (finite); null when there are none. */
    static MedianSplit of(String column, List<Double> trainingValues) {
        if (trainingValues.isEmpty()) {
            return null;
        }
        var sorted = trainingValues.stream().map(BigDecimal::valueOf).sorted().toList();
        int n = sorted.size();
        var median = n % 2 == 1
                ? sorted.get(n / 2)
                // Halving a decimal always ends, so this is exact.
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.TWO);
        return new MedianSplit(column, median.stripTrailingZeros());
    }

    /** The number compared, as the labels show it: "57.5", "62", "0.15". */
    String cut() {
        return cut.toPlainString();
    }

    String lowerBand() {
        return column + " ≤ " + cut();
    }

    String upperBand() {
        return column + " > " + cut();
    }

    /** The band of a finite value. */
    String bandOf(double value) {
        return BigDecimal.valueOf(value).compareTo(cut) <= 0 ? lowerBand() : upperBand();
    }
}
