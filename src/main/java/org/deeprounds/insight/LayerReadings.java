package org.deeprounds.insight;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Plain-language readings of a layer's charts, for clinicians. */
public final class LayerReadings {

    /** DL4J's rule of thumb: updates about a thousandth of the weights' size. */
    public static final double HEALTHY = -3;

    private LayerReadings() {}

    /**
     * Adam's (and RMSProp's) first steps move every weight by about the learning rate whatever the gradient, so the
     * ratio of the first iterations says little about the rate: readings skip them.
     */
    public static final int WARM_UP_ITERATIONS = 10;

    /**
     * A ratio at or above this (a step a third of the weights' size or more) is named whenever it occurs: the weights
     * are measured after the step, so a step that swamps them reads close to 0, and no optimiser's warm-up at a sane
     * learning rate comes near it (Adam's first steps at 0.001 read about -1.7).
     */
    public static final double SWAMPED = -0.5;

    /** Fewer snapshots than this past the warm-up are too little to judge on. */
    public static final int MIN_EVIDENCE = 3;

    /**
     * Reads a layer's update:parameter ratio (log10) over the run: the median over the later half of the recorded
     * iterations, after the warm-up. Updates as large as the weights themselves are named at once, warm-up or not (no
     * optimiser's first step explains them, see {@link #SWAMPED}); otherwise a run with too few snapshots past the warm-up gets no verdict.
     *
     * @param iterations the iterations of the snapshots
     * @param log10 the ratio at each (null where not recorded)
     */
    public static String ratio(List<Integer> iterations, List<Double> log10) {
        if (iterations == null || log10 == null || iterations.isEmpty()) {
            return ratio((Double) null);
        }
        int n = Math.min(iterations.size(), log10.size());
        Double worst = null;
        for (int i = 0; i < n; i++) {
            var value = log10.get(i);
            if (value != null && Double.isFinite(value) && (worst == null || value > worst)) {
                worst = value;
            }
        }
        if (worst != null && worst >= SWAMPED) {
            return String.format(
                            Locale.ROOT,
                            "Ratio up to %.1f: single steps were about as large as the weights themselves (%s a"
                                    + " healthy step). ",
                            worst,
                            times(Math.pow(10, worst - HEALTHY)))
                    + "No optimiser's warm-up explains that: the learning rate is far too high, expect the loss to"
                    + " jump or diverge.";
        }
        int last = iterations.get(n - 1);
        int from = Math.max(WARM_UP_ITERATIONS, last / 2);
        var evidence = new java.util.ArrayList<Double>();
        int first = -1;
        for (int i = 0; i < n; i++) {
            var value = log10.get(i);
            if (iterations.get(i) >= from && value != null && Double.isFinite(value)) {
                evidence.add(value);
                first = first < 0 ? iterations.get(i) : first;
            }
        }
        if (evidence.size() < MIN_EVIDENCE) {
            return "Too early to judge the learning rate: " + n + " snapshot" + (n == 1 ? "" : "s") + " up to"
                    + " iteration " + last + ", too few past the first " + WARM_UP_ITERATIONS + " iterations, where"
                    + " Adam's steps are naturally about as large as the learning rate. The reading needs at least "
                    + MIN_EVIDENCE + " snapshots in the later half of the run, after the warm-up.";
        }
        evidence.sort(null);
        int size = evidence.size();
        double median =
                size % 2 == 1 ? evidence.get(size / 2) : (evidence.get(size / 2 - 1) + evidence.get(size / 2)) / 2;
        return "Median over iterations " + first + "–" + last + " (" + size + " snapshots after the warm-up). "
                + ratio(median);
    }

    /** Reads one update:parameter ratio (log10). */
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
