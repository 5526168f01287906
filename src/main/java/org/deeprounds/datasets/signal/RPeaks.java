package org.deeprounds.datasets.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the R peaks (QRS complexes) of a single ECG lead, so that recordings without beat annotations can still be cut
 * into beats. After Pan and Tompkins (IEEE TBME 1985, https://doi.org/10.1109/TBME.1985.325532): smooth away mains and
 * muscle noise, differentiate (which removes baseline wander), square, integrate over 150 ms, and accept a peak of that
 * energy when it clears a threshold that follows the running levels of signal and noise peaks. Nothing within 200 ms
 * of a beat is a new beat (the heart cannot beat again so soon), a late low-slope peak is taken for a T wave, and a
 * long gap is searched again at half the threshold. Each beat is then moved to the sample that deviates most from the
 * local baseline, which is the R peak of a normal beat and the main deflection of a wide PVC, upright or inverted.
 * Filters are centred (the whole recording is at hand), so no delay needs correcting.
 */
public final class RPeaks {

    /** No second beat within this time of a beat. */
    public static final double REFRACTORY_S = 0.2;

    /** The energy is summed over this window, about the widest QRS. */
    static final double INTEGRATION_S = 0.15;

    /** Smoothing before the derivative: a 25 ms mean, which damps 50/60 Hz hum and muscle noise. */
    static final double SMOOTHING_S = 0.025;

    /** Thresholds start from the signal's first seconds. */
    static final double LEARNING_S = 2;

    /** A peak within this time of the previous beat with under half its slope is taken for a T wave. */
    static final double T_WAVE_S = 0.36;

    /** The R peak is looked for within this distance of the energy peak. */
    static final double REFINE_S = 0.08;

    /** The local baseline is the median over this distance either side. */
    static final double BASELINE_S = 0.3;

    /** No beat for this many average RR intervals: search back at half the threshold. */
    static final double SEARCH_BACK_RR = 1.66;

    private RPeaks() {}

    /**
     * The R-peak sample indices, in order. Missing samples (NaN) are held at the last value seen.
     *
     * @param signalMv one lead in mV (any units work; thresholds adapt)
     */
    public static int[] detect(float[] signalMv, double samplingFrequency) {
        if (signalMv == null) {
            throw new IllegalArgumentException("no signal to find R peaks in");
        }
        if (!(samplingFrequency >= 50) || Double.isInfinite(samplingFrequency)) {
            throw new IllegalArgumentException("sampling frequency " + samplingFrequency
                    + " must be at least 50 samples per second to find QRS complexes");
        }
        double fs = samplingFrequency;
        var smooth = centredMean(held(signalMv), odd(SMOOTHING_S * fs));
        int n = smooth.length;
        var slope = new double[n];
        for (int i = 1; i < n - 1; i++) {
            slope[i] = (smooth[i + 1] - smooth[i - 1]) * fs / 2;
        }
        var energy = new double[n];
        for (int i = 0; i < n; i++) {
            energy[i] = slope[i] * slope[i];
        }
        energy = centredMean(energy, odd(INTEGRATION_S * fs));
        var found = threshold(energy, slope, fs);
        return refine(smooth, found, fs);
    }

    /** The adaptive-threshold pass over the local maxima of the integrated energy. */
    private static List<Integer> threshold(double[] energy, double[] slope, double fs) {
        int n = energy.length;
        int refractory = (int) Math.round(REFRACTORY_S * fs);
        int tWave = (int) Math.round(T_WAVE_S * fs);
        int learning = (int) Math.min(n, Math.round(LEARNING_S * fs));
        double signalLevel = 0;
        double noiseLevel = 0;
        for (int i = 0; i < learning; i++) {
            signalLevel = Math.max(signalLevel, energy[i]);
            noiseLevel += energy[i] / learning;
        }
        signalLevel /= 3;
        noiseLevel /= 2;

        var beats = new ArrayList<Integer>();
        var missed = new ArrayList<Integer>();
        var intervals = new ArrayList<Integer>();
        for (int i = 1; i < n - 1; i++) {
            if (!(energy[i] > energy[i - 1] && energy[i] >= energy[i + 1])) {
                continue;
            }
            double limit = noiseLevel + 0.25 * (signalLevel - noiseLevel);
            int last = beats.isEmpty() ? -1 : beats.getLast();
            double average = average(intervals);
            if (last >= 0 && average > 0 && i - last > SEARCH_BACK_RR * average) {
                int best = -1;
                for (int m : missed) {
                    if (m - last >= refractory && energy[m] > limit / 2 && (best < 0 || energy[m] > energy[best])) {
                        best = m;
                    }
                }
                if (best >= 0) {
                    accept(beats, intervals, best);
                    signalLevel = 0.25 * energy[best] + 0.75 * signalLevel;
                    missed.clear();
                    last = best;
                    limit = noiseLevel + 0.25 * (signalLevel - noiseLevel);
                }
            }
            double value = energy[i];
            if (value <= limit) {
                noiseLevel = 0.125 * value + 0.875 * noiseLevel;
                missed.add(i);
            } else if (last >= 0 && i - last < refractory) {
                if (value > energy[last]) {
                    beats.set(beats.size() - 1, i);
                    if (!intervals.isEmpty()) {
                        intervals.set(intervals.size() - 1, intervals.getLast() + i - last);
                    }
                }
            } else if (last >= 0 && i - last < tWave && steepest(slope, i, fs) < 0.5 * steepest(slope, last, fs)) {
                noiseLevel = 0.125 * value + 0.875 * noiseLevel;
            } else {
                accept(beats, intervals, i);
                signalLevel = 0.125 * value + 0.875 * signalLevel;
                missed.clear();
            }
        }
        return beats;
    }

    private static void accept(List<Integer> beats, List<Integer> intervals, int at) {
        if (!beats.isEmpty()) {
            intervals.add(at - beats.getLast());
            if (intervals.size() > 8) {
                intervals.removeFirst();
            }
        }
        beats.add(at);
    }

    private static double average(List<Integer> intervals) {
        return intervals.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    /** The largest absolute slope within the refinement distance of a sample. */
    private static double steepest(double[] slope, int at, double fs) {
        int reach = (int) Math.round(REFINE_S * fs);
        double max = 0;
        for (int i = Math.max(0, at - reach); i <= Math.min(slope.length - 1, at + reach); i++) {
            max = Math.max(max, Math.abs(slope[i]));
        }
        return max;
    }

    /** Moves each beat to its largest deviation from the local median; two beats that meet keep the larger. */
    private static int[] refine(double[] smooth, List<Integer> found, double fs) {
        int reach = (int) Math.round(REFINE_S * fs);
        int around = (int) Math.round(BASELINE_S * fs);
        int refractory = (int) Math.round(REFRACTORY_S * fs);
        var peaks = new int[found.size()];
        var sizes = new double[found.size()];
        int count = 0;
        for (int at : found) {
            int from = Math.max(0, at - around);
            int to = Math.min(smooth.length, at + around + 1);
            var window = Arrays.copyOfRange(smooth, from, to);
            Arrays.sort(window);
            double baseline = window[window.length / 2];
            int peak = at;
            double size = -1;
            for (int i = Math.max(0, at - reach); i <= Math.min(smooth.length - 1, at + reach); i++) {
                double deviation = Math.abs(smooth[i] - baseline);
                if (deviation > size) {
                    size = deviation;
                    peak = i;
                }
            }
            if (count > 0 && peak - peaks[count - 1] < refractory) {
                if (size > sizes[count - 1]) {
                    peaks[count - 1] = peak;
                    sizes[count - 1] = size;
                }
                continue;
            }
            peaks[count] = peak;
            sizes[count] = size;
            count++;
        }
        return Arrays.copyOf(peaks, count);
    }

    private static double[] held(float[] signal) {
        var values = new double[signal.length];
        double last = 0;
        for (int i = 0; i < signal.length; i++) {
            if (Float.isFinite(signal[i])) {
                last = signal[i];
            }
            values[i] = last;
        }
        return values;
    }

    /** The mean over a centred window of {@code width} samples (fewer at the ends). */
    private static double[] centredMean(double[] values, int width) {
        int half = width / 2;
        var sums = new double[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            sums[i + 1] = sums[i] + values[i];
        }
        var mean = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(values.length, i + half + 1);
            mean[i] = (sums[to] - sums[from]) / (to - from);
        }
        return mean;
    }

    private static int odd(double samples) {
        return 2 * (int) Math.round(samples / 2) + 1;
    }
}
