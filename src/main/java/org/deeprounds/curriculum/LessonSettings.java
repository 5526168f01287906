package org.deeprounds.curriculum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprounds.models.Augmentation;
import org.deeprounds.models.NetworkSpec;

/**
 * A train or build step's {@code set} values: which ones a lesson may give, the ranges of image augmentation, how they
 * change the template's design, and how the lesson page names them.
 */
public final class LessonSettings {

    /** The key under which a step's {@code set} holds its {@link Augmentation}. */
    public static final String AUGMENTATION = "augmentation";

    /** The augmentation fields a lesson may set, with the largest value of each (all start at 0). */
    static final Map<String, Double> AUGMENTATION_LIMITS = limits();

    /** The only augmentation field that is a yes/no. */
    static final String FLIP = "horizontalFlip";

    private LessonSettings() {}

    private static Map<String, Double> limits() {
        var out = new LinkedHashMap<String, Double>();
        out.put("rotationDegrees", 30.0);
        out.put("shiftFraction", 0.2);
        out.put("brightness", 0.5);
        out.put("contrast", 0.5);
        out.put("noise", 0.2);
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every field an augmentation may name, in the order the record declares them. */
    static java.util.List<String> augmentationFields() {
        var out = new ArrayList<String>();
        out.add(FLIP);
        out.addAll(AUGMENTATION_LIMITS.keySet());
        return out;
    }

    /** The augmentation of validated fields; a field left out is off (false or 0). */
    static Augmentation augmentation(boolean flip, Map<String, Double> values) {
        return new Augmentation(
                flip,
                values.getOrDefault("rotationDegrees", 0.0),
                values.getOrDefault("shiftFraction", 0.0),
                values.getOrDefault("brightness", 0.0),
                values.getOrDefault("contrast", 0.0),
                values.getOrDefault("noise", 0.0));
    }

    /** The template's design with the step's starting values; what a step leaves out keeps the template's. */
    static NetworkSpec apply(NetworkSpec template, Map<String, Object> set) {
        double rate = set.containsKey("learningRate")
                ? ((Number) set.get("learningRate")).doubleValue()
                : template.learningRate();
        int batch = set.containsKey("batchSize") ? ((Number) set.get("batchSize")).intValue() : template.batchSize();
        int epochs = set.containsKey("epochs") ? ((Number) set.get("epochs")).intValue() : template.epochs();
        long seed = set.containsKey("seed") ? ((Number) set.get("seed")).longValue() : template.seed();
        double l2 = set.containsKey("l2") ? ((Number) set.get("l2")).doubleValue() : template.l2();
        var optimiser = set.containsKey("optimiser")
                ? NetworkSpec.Optimiser.valueOf(set.get("optimiser").toString())
                : template.optimiser();
        var spec = new NetworkSpec(
                template.input(),
                template.layers(),
                template.classes(),
                optimiser,
                rate,
                template.schedule(),
                l2,
                batch,
                epochs,
                seed);
        return set.get(AUGMENTATION) instanceof Augmentation augmentation ? spec.withAugmentation(augmentation) : spec;
    }

    /** One starting value as the lesson page names it, e.g. "epochs 30" or "augmentation: rotation up to 10°, ...". */
    public static String describe(String key, Object value) {
        if (value instanceof Augmentation a) {
            return "augmentation: " + describe(a);
        }
        return key + " " + value;
    }

    /** The changes an augmentation makes, in words; "none" when it changes nothing. */
    static String describe(Augmentation a) {
        var parts = new ArrayList<String>();
        parts.add(a.horizontalFlip() ? "left-right flips" : "no flips");
        if (a.rotationDegrees() > 0) {
            parts.add("rotation up to " + number(a.rotationDegrees()) + "°");
        }
        if (a.shiftFraction() > 0) {
            parts.add("shift up to " + number(a.shiftFraction() * 100) + "%");
        }
        if (a.brightness() > 0) {
            parts.add("brightness ±" + number(a.brightness()));
        }
        if (a.contrast() > 0) {
            parts.add("contrast ±" + number(a.contrast() * 100) + "%");
        }
        if (a.noise() > 0) {
            parts.add("noise " + number(a.noise()));
        }
        return a.active() ? String.join(", ", parts) : "none";
    }

    /** A plain number to three decimals, without trailing zeros: 10, 0.1, 2.5. */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(Math.round(value * 1000) / 1000.0)
                .stripTrailingZeros()
                .toPlainString();
    }
}
