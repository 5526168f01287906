package org.deeprounds.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a {@link SignalTrace}: where it starts and ends in its own unit, and ticks at "nice" steps (1, 2 or 5
 * times a power of ten), so labels read 0.2, 0.4 s rather than 0.183, 0.366 s.
 *
 * @param name what the axis measures with its unit, e.g. "time (ms)"
 * @param unit "s", "ms" or "samples" for time; the signal's units (possibly empty) for amplitude
 * @param from the axis value at the first sample (time) or the bottom (amplitude)
 * @param to the axis value at the last sample (time) or the top (amplitude)
 * @param perSample how far along the time axis one sample is (0 for amplitude)
 */
record TraceAxis(String name, String unit, double from, double to, double step, double perSample) {

    /** Roughly how many labelled ticks fit a phone-wide trace without crowding. */
    private static final int TIME_TICKS = 6;

    private static final int AMPLITUDE_TICKS = 4;

    /** Below this a trace is one beat, whose parts (PR, QRS, QT) clinicians read in milliseconds. */
    private static final double MILLISECONDS_BELOW_SECONDS = 2;

    /**
     * The time axis of {@code samples} samples starting at sample {@code start} of a recording: seconds, milliseconds
     * for a beat shown on its own, or samples when the sampling frequency is not known (0).
     */
    static TraceAxis time(int samples, int start, double samplingFrequency) {
        int last = start + Math.max(1, samples - 1);
        if (samplingFrequency <= 0) {
            return time("samples", start, last, 1);
        }
        double seconds = samples / samplingFrequency;
        if (start == 0 && seconds < MILLISECONDS_BELOW_SECONDS) {
            double perSample = 1000 / samplingFrequency;
            return time("ms", 0, last * perSample, perSample);
        }
        return time("s", start / samplingFrequency, last / samplingFrequency, 1 / samplingFrequency);
    }

    private static TraceAxis time(String unit, double from, double to, double perSample) {
        return new TraceAxis("time (" + unit + ")", unit, from, to, niceStep((to - from) / TIME_TICKS), perSample);
    }

    /** The amplitude axis over {@code min..max}, widened to whole steps so the trace never touches the frame. */
    static TraceAxis amplitude(double min, double max, String units) {
        if (!(max > min)) {
            double half = Math.max(Math.abs(min) * 0.1, 0.5);
            min -= half;
            max += half;
        }
        double step = niceStep((max - min) / AMPLITUDE_TICKS);
        if (isMillivolts(units) && max - min > 1 && max - min <= 4) {
            step = 0.5; // ECG paper's large square, as a clinician counts amplitude
        }
        double low = Math.floor(min / step) * step;
        double high = Math.ceil(max / step) * step;
        var unit = units == null ? "" : units.strip();
        var label = unit.isEmpty() ? "amplitude" : "amplitude (" + unit + ")";
        return new TraceAxis(label, unit, low, high, step, 0);
    }

    /** How far one second is along a time axis; 0 when it is in samples of an unknown rate. */
    double perSecond() {
        return switch (unit) {
            case "s" -> 1;
            case "ms" -> 1000;
            default -> 0;
        };
    }

    /** A sample's place on a time axis in words: "0.25 s", "250 ms", "sample 90". */
    String at(int sample) {
        double value = from + sample * perSample;
        if (unit.equals("samples")) {
            return "sample " + Math.round(value);
        }
        return String.format(Locale.ROOT, unit.equals("ms") ? "%.0f ms" : "%.3f s", value);
    }

    static boolean isMillivolts(String units) {
        return units != null && units.strip().equalsIgnoreCase("mV");
    }

    /** The smallest of 1, 2, 5 x 10^k at least {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= rough * 0.999) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** Values at whole multiples of {@code every} within the axis. */
    List<Double> marks(double every) {
        var out = new ArrayList<Double>();
        double low = Math.min(from, to);
        double high = Math.max(from, to);
        long first = (long) Math.ceil(low / every - 1e-9);
        long last = (long) Math.floor(high / every + 1e-9);
        for (long k = first; k <= last; k++) {
            out.add(k * every);
        }
        return out;
    }

    List<Double> ticks() {
        return marks(step);
    }

    /** Where {@code value} lies along the axis, 0 at {@code from} and 1 at {@code to}. */
    double fraction(double value) {
        return to == from ? 0 : (value - from) / (to - from);
    }

    /** A tick label with as many decimals as the step needs: "0.5", "1.0", "200". */
    String label(double value) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        var text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0+)?") ? text.substring(1) : text;
    }
}
