package org.deeprounds.datasets.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a fixed window of signal around each labelled beat, the usual way to turn a long annotated ECG into examples
 * for a beat classifier: e.g. 0.25 s before the annotated R peak to 0.45 s after it, enough for the P wave, the QRS and
 * the T wave. Windows that would run off either end of the record are skipped, not padded, and so are windows holding
 * samples WFDB marks missing: a padded or gapped beat would teach the network an edge or a gap, not a beat.
 *
 * @param before samples before the beat
 * @param after samples from the beat on (the beat's own sample is the first of these)
 */
public record BeatWindows(int before, int after) {

    public BeatWindows {
        if (before < 0 || after < 1) {
            throw new IllegalArgumentException(
                    "a beat window needs 0 or more samples before the beat and 1 or more from it on (got " + before
                            + " and " + after + ")");
        }
    }

    /** A window given in seconds, rounded to samples at {@code samplingFrequency} (e.g. 0.25 s at 360 Hz is 90). */
    public static BeatWindows seconds(double before, double after, double samplingFrequency) {
        return new BeatWindows(
                (int) Math.round(before * samplingFrequency), (int) Math.round(after * samplingFrequency));
    }

    /** Samples per lead in a window. */
    public int length() {
        return before + after;
    }

    /**
     * One beat's window.
     *
     * @param sample the beat's position in the record
     * @param mnemonic its annotation, e.g. "V"
     * @param label its class index in the {@link BeatClasses}
     * @param values lead by lead ({@code leads x length}, channel-first as networks take it), in physical units
     */
    public record Window(long sample, String mnemonic, int label, float[] values) {}

    /**
     * The windows of one record, with what was left out and why.
     *
     * @param offEdge beats too near the start or end of the record for a whole window
     * @param unclassed beats whose annotation is in no class
     * @param missingSamples windows holding samples marked missing
     */
    public record Cut(List<Window> windows, int offEdge, int unclassed, int missingSamples) {}

    /**
     * Cuts the windows of the beats among {@code annotations} (non-beat annotations are passed over).
     *
     * @param leads one array per lead, all the same length, in physical units (NaN where missing)
     */
    public Cut cut(float[][] leads, List<WfdbAnnotations.Annotation> annotations, BeatClasses classes) {
        if (leads.length == 0) {
            throw new IllegalArgumentException("no leads to cut beats from");
        }
        int n = leads[0].length;
        for (var lead : leads) {
            if (lead.length != n) {
                throw new IllegalArgumentException("leads differ in length (" + n + " and " + lead.length + ")");
            }
        }
        var windows = new ArrayList<Window>();
        int offEdge = 0;
        int unclassed = 0;
        int missing = 0;
        for (var annotation : annotations) {
            if (!annotation.isBeat()) {
                continue;
            }
            var label = classes.classOf(annotation.mnemonic());
            if (label.isEmpty()) {
                unclassed++;
                continue;
            }
            long start = annotation.sample() - before;
            long end = annotation.sample() + after;
            if (start < 0 || end > n) {
                offEdge++;
                continue;
            }
            var values = new float[leads.length * length()];
            for (int l = 0; l < leads.length; l++) {
                System.arraycopy(leads[l], (int) start, values, l * length(), length());
            }
            if (hasMissing(values)) {
                missing++;
                continue;
            }
            windows.add(new Window(annotation.sample(), annotation.mnemonic(), label.getAsInt(), values));
        }
        return new Cut(List.copyOf(windows), offEdge, unclassed, missing);
    }

    private static boolean hasMissing(float[] values) {
        for (float value : values) {
            if (Float.isNaN(value)) {
                return true;
            }
        }
        return false;
    }
}
