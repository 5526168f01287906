package org.deeprounds.datasets;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Files shaped like the public medical datasets new users bring, for tests of the import checks: a heart-disease
 * table without a header row (as UCI ships processed.cleveland.data), and DNA with copies of some sequences.
 */
final class RealFileFixtures {

    private RealFileFixtures() {}

    /** UCI's names for the 14 columns of the Cleveland heart-disease table. */
    static final List<String> HEART_COLUMNS = List.of(
            "age",
            "sex",
            "cp",
            "trestbps",
            "chol",
            "fbs",
            "restecg",
            "thalach",
            "exang",
            "oldpeak",
            "slope",
            "ca",
            "thal",
            "num");

    /** The first line of processed.cleveland.data: a 63-year-old man, not a header. */
    static final String FIRST_PATIENT = "63.0,1.0,1.0,145.0,233.0,1.0,2.0,150.0,0.0,2.3,3.0,0.0,6.0,0";

    /**
     * {@code rows} patients without a header row, whole numbers written as "1.0" as in the UCI file: chest pain type
     * {@code cp} coded 1-4, {@code restecg} 0-2, {@code slope} 1-3, {@code ca} 0-3, {@code thal} 3/6/7; {@code sex},
     * {@code fbs}, {@code exang} 0/1; {@code num} the outcome 0/1.
     */
    static String heartWithoutHeader(int rows, long seed) {
        var random = new Random(seed);
        var out = new StringBuilder(FIRST_PATIENT).append('\n');
        for (int i = 1; i < rows; i++) {
            out.append(String.format(
                    Locale.ROOT,
                    "%d.0,%d.0,%d.0,%d.0,%d.0,%d.0,%d.0,%d.0,%d.0,%.1f,%d.0,%d.0,%d.0,%d%n",
                    29 + random.nextInt(49),
                    random.nextInt(2),
                    1 + random.nextInt(4),
                    94 + random.nextInt(107),
                    126 + random.nextInt(439),
                    random.nextInt(2),
                    random.nextInt(3),
                    71 + random.nextInt(132),
                    random.nextInt(2),
                    random.nextInt(63) / 10.0,
                    1 + random.nextInt(3),
                    random.nextInt(4),
                    List.of(3, 6, 7).get(random.nextInt(3)),
                    i % 2));
        }
        return out.toString();
    }

    /** A random DNA sequence of {@code length} bases. */
    static String dna(Random random, int length) {
        var bases = new StringBuilder();
        for (int i = 0; i < length; i++) {
            bases.append("ACGT".charAt(random.nextInt(4)));
        }
        return bases.toString();
    }
}
