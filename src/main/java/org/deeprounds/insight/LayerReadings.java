package org.deeprounds.insight;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Plain-language readings of a layer's charts, for clinicians. */
public final class LayerReadings {

    /** DL4J's rule of thumb: updates about a thousandth of the weights' size. */
    public static final double HEALTHY = -3;

    private LayerReadings() {}

    /** Reads the latest update:parameter ratio (log10). */
    public static String ratio(Double log10) {
        if (log10 == null || !Double.isFinite(log10)) {
            return "No update ratio recorded yet.";
        }
        double factor = Math.pow(10, log10 - HEALTHY);
        String shown = String.format(Locale.ROOT, "%.1f", log10);
        if (log10 > -1) {
            return "Ratio " + shown + ": updates are " + times(factor) + " too large, each step rewrites a large part"
                    + " of the weights. The learning rate is very likely too high; expect the loss to jump or diverge.";
        }
        if (log10 > -2) {
            return "Ratio " + shown + ": updates are " + times(factor) + " too large: the learning rate may be too"
                    + " high.";
        }
        if (log10 >= -4) {
            return "Ratio " + shown + ": healthy. Each update changes the weights by roughly a thousandth of their"
                    + " size.";
        }
        if (log10 >= -5) {
            return "Ratio " + shown + ": updates are " + times(1 / factor) + " too small: this layer learns slowly."
                    + " The learning rate may be too low.";
        }
        return "Ratio " + shown + ": updates are " + times(1 / factor) + " too small: this layer has almost stopped"
                + " learning (learning rate too low, or gradients vanishing before they reach it).";
    }

    /** Reads the latest activation spread and the probe's dead or saturated units. */
    public static String activations(List<Double> std, int units, int dead, int saturated) {
        var latest = std == null
                ? null
                : std.stream().filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        var text = new StringBuilder();
        if (latest != null && latest < 1e-4) {
            text.append("The outputs hardly vary between cases (spread ")
                    .append(String.format(Locale.ROOT, "%.1e", latest))
                    .append("): this layer passes on almost no information. ");
        }
        if (units > 0 && dead > 0) {
            text.append(dead)
                    .append(" of ")
                    .append(units)
                    .append(" units never fired on the validation cases (dead ReLUs): they no longer learn. ");
            if (dead * 2 > units) {
                text.append("More than half are dead, which usually follows a too-high learning rate. ");
            }
        }
        if (units > 0 && saturated > 0) {
            text.append(saturated)
                    .append(" of ")
                    .append(units)
                    .append(" units are stuck at their limits (saturated): their gradients vanish. ");
        }
        return text.isEmpty()
                ? "No dead or saturated units; the outputs vary between cases, as they should."
                : text.toString().strip();
    }

    private static String times(double factor) {
        if (factor >= 10) {
            return String.format(Locale.ROOT, "about %,.0fx", Math.pow(10, Math.round(Math.log10(factor))));
        }
        return String.format(Locale.ROOT, "about %.0fx", factor);
    }
}
