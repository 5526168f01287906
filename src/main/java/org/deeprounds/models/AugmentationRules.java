package org.deeprounds.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What augmentation a design may ask for, and how it reads in plain words. The limits keep every changed image a
 * plausible film of the same patient: past about 30 degrees, a fifth of the frame, or half the brightness or contrast,
 * the change starts to alter what the image shows rather than how it was taken.
 */
public final class AugmentationRules {

    public static final double MAX_ROTATION_DEGREES = 30;
    public static final double MAX_SHIFT_FRACTION = 0.2;
    public static final double MAX_BRIGHTNESS = 0.5;
    public static final double MAX_CONTRAST = 0.5;
    public static final double MAX_NOISE = 0.2;

    private AugmentationRules() {}

    /** Adds a sentence per problem, each naming the field as the design's JSON spells it. */
    static void check(NetworkSpec spec, List<String> problems) {
        var augmentation = spec.augmentation();
        if (augmentation == null) {
            return;
        }
        range(problems, "rotationDegrees", augmentation.rotationDegrees(), MAX_ROTATION_DEGREES, "degrees either way");
        range(problems, "shiftFraction", augmentation.shiftFraction(), MAX_SHIFT_FRACTION, "of the width and height");
        range(problems, "brightness", augmentation.brightness(), MAX_BRIGHTNESS, "of the full brightness range");
        range(problems, "contrast", augmentation.contrast(), MAX_CONTRAST, "(0.2 = 0.8x to 1.2x)");
        range(problems, "noise", augmentation.noise(), MAX_NOISE, "standard deviation, of the full range");
        if (augmentation.active() && spec.input() != null && spec.input().kind() != InputShape.Kind.IMAGE) {
            problems.add("Augmentation: flips, rotations, shifts, brightness, contrast and noise change images, but"
                    + " this dataset holds "
                    + (spec.input().kind() == InputShape.Kind.SEQUENCE ? "sequences (DNA or signals)" : "table rows")
                    + "; leave augmentation out (\"augmentation\": null).");
        }
    }

    private static void range(List<String> problems, String field, double value, double max, String unit) {
        if (!(value >= 0 && value <= max)) {
            problems.add(String.format(
                    Locale.ROOT, "Augmentation %s %s: use 0 to %s %s.", field, plain(value), plain(max), unit));
        }
    }

    /**
     * The changes in plain words, e.g. "flip left-right, rotate up to ±10°, shift up to ±10%"; "none" when it changes
     * nothing.
     */
    public static String describe(Augmentation augmentation) {
        if (augmentation == null || !augmentation.active()) {
            return "none";
        }
        var parts = new ArrayList<String>();
        if (augmentation.horizontalFlip()) {
            parts.add("flip left-right");
        }
        if (augmentation.rotationDegrees() > 0) {
            parts.add("rotate up to ±" + plain(augmentation.rotationDegrees()) + "°");
        }
        if (augmentation.shiftFraction() > 0) {
            parts.add("shift up to ±" + percent(augmentation.shiftFraction()));
        }
        if (augmentation.brightness() > 0) {
            parts.add("brightness ±" + percent(augmentation.brightness()));
        }
        if (augmentation.contrast() > 0) {
            parts.add("contrast ±" + percent(augmentation.contrast()));
        }
        if (augmentation.noise() > 0) {
            parts.add("noise (SD " + percent(augmentation.noise()) + ")");
        }
        return String.join(", ", parts);
    }

    private static String percent(double fraction) {
        return plain(fraction * 100) + "%";
    }

    /** 10.0 as "10", 2.5 as "2.5". */
    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new java.math.BigDecimal(value, new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }
}
