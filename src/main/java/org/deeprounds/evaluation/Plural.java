package org.deeprounds.evaluation;

/** A count with its noun in the right number: "1 false positive", "2 false positives", "0 cases". */
public final class Plural {

    private Plural() {}

    /** The count and the singular noun plus "s" unless the count is exactly one. */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
