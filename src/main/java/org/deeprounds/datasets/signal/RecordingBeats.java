package org.deeprounds.datasets.signal;

import java.io.IOException;

/**
 * The beats of the real recording shipped with DeepRounds ({@link ShippedRecording}), found by {@link RPeaks}: it has
 * no annotations, so a model can be tried on its beats but never scored on them. A beat is cut the way a dataset's
 * beats were (so many samples before the R peak, so many in all) and resampled to the dataset's rate, so a model
 * trained at 250 Hz can read a 360 Hz recording.
 */
public final class RecordingBeats {

    private static volatile RecordingBeats shipped;

    private final float[] millivolts;
    private final double hertz;
    private final int[] peaks;

    RecordingBeats(float[] millivolts, double hertz) {
        this.millivolts = millivolts;
        this.hertz = hertz;
        this.peaks = RPeaks.detect(millivolts, hertz);
    }

    /** The shipped recording's first lead and its beats, read and detected once. */
    public static RecordingBeats shipped() throws IOException {
        var beats = shipped;
        if (beats == null) {
            synchronized (RecordingBeats.class) {
                if (shipped == null) {
                    var signals = ShippedRecording.load();
                    shipped = new RecordingBeats(
                            signals.physical(0), signals.header().samplingFrequency());
                }
                beats = shipped;
            }
        }
        return beats;
    }

    /** Beats found. */
    public int count() {
        return peaks.length;
    }

    public double samplingFrequency() {
        return hertz;
    }

    /**
     * Beat {@code beat} (from 1) as a model reads it: {@code length} samples at {@code targetHertz}, the R peak being
     * sample {@code before}; linear interpolation between the recording's samples.
     */
    public float[] window(int beat, double targetHertz, int before, int length) {
        int peak = peak(beat);
        var out = new float[length];
        double step = hertz / targetHertz;
        for (int i = 0; i < length; i++) {
            double at = peak + (i - before) * step;
            if (at < 0 || at > millivolts.length - 1) {
                throw new IllegalArgumentException("beat " + beat + " is too near the recording's "
                        + (at < 0 ? "start" : "end") + " for a whole window; choose another");
            }
            int low = (int) Math.floor(at);
            int high = Math.min(low + 1, millivolts.length - 1);
            double fraction = at - low;
            out[i] = (float) (millivolts[low] * (1 - fraction) + millivolts[high] * fraction);
        }
        return out;
    }

    /**
     * A strip of the recording around beat {@code beat}: {@code seconds} long (shorter at the ends), with the R peaks
     * inside it.
     *
     * @param start the strip's first sample in the recording
     * @param peaks R peaks within the strip (indices into {@code values})
     * @param chosen which of {@code peaks} is the beat asked for
     */
    public record Strip(float[] values, double samplingFrequency, int start, int[] peaks, int chosen) {}

    public Strip strip(int beat, double seconds) {
        int peak = peak(beat);
        int half = (int) Math.round(seconds * hertz / 2);
        int start = Math.max(0, peak - half);
        int end = Math.min(millivolts.length, peak + half);
        var values = java.util.Arrays.copyOfRange(millivolts, start, end);
        var inside = java.util.Arrays.stream(peaks)
                .filter(p -> p >= start && p < end)
                .map(p -> p - start)
                .toArray();
        int chosen = java.util.Arrays.binarySearch(inside, peak - start);
        return new Strip(values, hertz, start, inside, chosen);
    }

    private int peak(int beat) {
        if (beat < 1 || beat > peaks.length) {
            throw new IllegalArgumentException(
                    "beat " + beat + " does not exist; the recording has beats 1 to " + peaks.length);
        }
        return peaks[beat - 1];
    }
}
