package org.deeprounds.datasets.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.DatasetSummary.SignalPreview;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.signal.RPeaks;

/**
 * What the signal formats share when they scan: per-lead mean and spread over the training split (every example is
 * standardised with them, so a network sees millivolts and raw ADC units alike), previews with their R peaks, and the
 * standardisation itself.
 */
final class SignalScan {

    /** Examples shown per class on the dataset page. */
    static final int PREVIEWS_PER_CLASS = 3;

    private final int channels;
    private final double[] sum;
    private final double[] squares;
    private long count;

    SignalScan(int channels) {
        this.channels = channels;
        this.sum = new double[channels];
        this.squares = new double[channels];
    }

    /** Adds one training example ({@code channels x length}, channel-first) to the training statistics. */
    void addTraining(float[] values) {
        int length = values.length / channels;
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < length; t++) {
                double v = values[c * length + t];
                sum[c] += v;
                squares[c] += v * v;
            }
        }
        count += length;
    }

    /** Adds statistics gathered elsewhere (one record's sums), for formats that split after reading. */
    void addSums(double[] recordSum, double[] recordSquares, long samples) {
        for (int c = 0; c < channels; c++) {
            sum[c] += recordSum[c];
            squares[c] += recordSquares[c];
        }
        count += samples;
    }

    List<Double> means() {
        var out = new ArrayList<Double>();
        for (int c = 0; c < channels; c++) {
            out.add(count == 0 ? 0 : sum[c] / count);
        }
        return List.copyOf(out);
    }

    /** Standard deviations; 1 for a flat lead, so standardising never divides by zero. */
    List<Double> stds() {
        var out = new ArrayList<Double>();
        for (int c = 0; c < channels; c++) {
            double mean = count == 0 ? 0 : sum[c] / count;
            double variance = count == 0 ? 0 : squares[c] / count - mean * mean;
            out.add(variance > 1e-12 ? Math.sqrt(variance) : 1.0);
        }
        return List.copyOf(out);
    }

    /** {@code (value - mean) / std} per lead, as the network takes it; the input is not changed. */
    static float[] standardised(float[] values, DatasetSummary.SignalSummary summary) {
        var out = new float[values.length];
        int length = summary.length();
        for (int c = 0; c < summary.channels(); c++) {
            double mean = summary.trainMean().get(c);
            double std = summary.trainStd().get(c);
            for (int t = 0; t < length; t++) {
                out[c * length + t] = (float) ((values[c * length + t] - mean) / std);
            }
        }
        return out;
    }

    /** A preview of one example: values lead by lead, and its R peaks ({@code rPeak} when known, else detected). */
    static SignalPreview preview(
            String id, Split split, String label, float[] values, int channels, Integer rPeak, double hertz) {
        int length = values.length / channels;
        var leads = new float[channels][length];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(values, c * length, leads[c], 0, length);
        }
        int[] peaks = rPeak != null ? new int[] {rPeak} : peaksOf(leads[0], hertz);
        return new SignalPreview(id, split.key(), label, leads, peaks);
    }

    /**
     * R peaks of one lead: a beat-length window (under 1.5 s) holds one, at its largest deflection from the median;
     * a longer strip goes to the detector, which needs the sampling frequency (none found without it).
     */
    static int[] peaksOf(float[] lead, double hertz) {
        if (!isBeatLength(lead.length, hertz)) {
            return hertz > 0 ? RPeaks.detect(lead, hertz) : new int[0];
        }
        var sorted = lead.clone();
        java.util.Arrays.sort(sorted);
        float median = sorted[sorted.length / 2];
        int best = 0;
        for (int t = 1; t < lead.length; t++) {
            if (Math.abs(lead[t] - median) > Math.abs(lead[best] - median)) {
                best = t;
            }
        }
        return new int[] {best};
    }

    /** Whether an example is one beat (under 1.5 s; under 1,000 samples when the rate is not known). */
    static boolean isBeatLength(int length, double hertz) {
        return hertz > 0 ? length < 1.5 * hertz : length <= 1000;
    }

    /** Keeps at most {@link #PREVIEWS_PER_CLASS} previews per class, training examples first. */
    static List<SignalPreview> choose(List<SignalPreview> candidates, List<String> classes) {
        Map<String, List<SignalPreview>> byClass = new LinkedHashMap<>();
        classes.forEach(c -> byClass.put(c, new ArrayList<>()));
        for (var split : Split.values()) {
            for (var preview : candidates) {
                var chosen = byClass.get(preview.label());
                if (preview.split().equals(split.key()) && chosen != null && chosen.size() < PREVIEWS_PER_CLASS) {
                    chosen.add(preview);
                }
            }
        }
        return byClass.values().stream().flatMap(List::stream).toList();
    }
}
