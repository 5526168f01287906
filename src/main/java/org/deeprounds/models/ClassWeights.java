package org.deeprounds.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Class weights from the training split's class counts, and the warning a builder shows when one class is rare.
 * Weights are inversely proportional to the counts and average 1 over the training cases (n / (K * n_c), as
 * scikit-learn's "balanced"), so the loss keeps its usual scale and each class contributes equally in total.
 */
public final class ClassWeights {

    /** Below this share of the training cases a class counts as rare enough to warn about. */
    public static final double RARE_SHARE = 0.35;

    /** Weights are stored with this many decimals: enough to be exact in effect, short enough to read. */
    static final int DECIMALS = 3;

    private ClassWeights() {}

    /**
     * One weight per class, in {@code classes} order, or empty when a class has no training case (no weight can make
     * up for a class the network never sees).
     */
    public static List<Double> byRarity(List<String> classes, Map<String, Integer> trainingCounts) {
        long total = 0;
        for (var name : classes) {
            int count = trainingCounts.getOrDefault(name, 0);
            if (count <= 0) {
                return List.of();
            }
            total += count;
        }
        double scale = Math.pow(10, DECIMALS);
        var weights = new ArrayList<Double>();
        for (var name : classes) {
            double weight = total / ((double) classes.size() * trainingCounts.get(name));
            weights.add(Math.round(weight * scale) / scale);
        }
        return List.copyOf(weights);
    }

    /**
     * When the rarest class is under {@link #RARE_SHARE} of the training cases: what that means for a network trained
     * on it, in words for clinicians. With two classes it names the usual 0.5 threshold and the validation split.
     */
    public static Optional<String> rarityHint(List<String> classes, Map<String, Integer> trainingCounts) {
        long total = classes.stream()
                .mapToLong(c -> trainingCounts.getOrDefault(c, 0))
                .sum();
        if (total == 0 || classes.size() < 2) {
            return Optional.empty();
        }
        String rarest = classes.getFirst();
        for (var name : classes) {
            if (trainingCounts.getOrDefault(name, 0) < trainingCounts.getOrDefault(rarest, 0)) {
                rarest = name;
            }
        }
        double share = trainingCounts.getOrDefault(rarest, 0) / (double) total;
        if (share >= RARE_SHARE) {
            return Optional.empty();
        }
        if (share == 0) {
            return Optional.of("None of the training cases are " + rarest + ": the network cannot learn to recognise"
                    + " it, and class weights cannot help; the dataset needs cases of " + rarest + " in its training"
                    + " split.");
        }
        var about = String.format(
                Locale.ROOT,
                "About 1 in %d of the training cases (%.0f%%) are %s.",
                Math.round(1 / share),
                100 * share,
                rarest);
        var advice = classes.size() == 2
                ? " A network trained on this often misses " + rarest + " at the usual threshold of 0.5: weight the"
                        + " classes by rarity, or choose the threshold on the validation split."
                : " A network trained on this often misses " + rarest + ": weight the classes by rarity.";
        return Optional.of(about + advice);
    }
}
