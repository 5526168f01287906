package org.deeprounds.datasets.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One synthetic single-lead ECG "patient": beats drawn as sums of Gaussian waves (P, Q, R, S, T, after McSharry et al.,
 * IEEE TBME 2003, https://doi.org/10.1109/TBME.2003.808805, but placed in time rather than on a phase circle), a heart
 * rhythm with premature ventricular contractions, and the noise a recording picks up. Each patient draws its own rate,
 * size, shape and PVC burden, so a network must learn the difference between the two beats, not one person's beat.
 */
final class SyntheticEcg {

    /** A Gaussian wave: peak in mV (before the patient's scale), centre in s from the R peak, width (sigma) in s. */
    record Wave(double amplitude, double offset, double width) {}

    /**
     * What a setting's recordings look like; ranges are drawn from per patient.
     *
     * @param amplitude the typical R wave in mV
     * @param pvcGain PVC main deflection relative to the normal R
     * @param pvcWidth sigma of the PVC's main deflection in s (the normal R's is about 0.01 s)
     * @param pvcUpright chance that a patient's PVCs point the same way as the normal R
     * @param coupling PVC interval relative to the current normal RR
     * @param emg white muscle noise, standard deviation in mV
     * @param wander baseline wander, largest amplitude in mV
     * @param mainsHz mains frequency
     * @param mains mains hum, largest amplitude in mV
     * @param motion whether bursts of movement artefact occur, as on a wrist
     */
    record Style(
            double frequency,
            double[] heartRate,
            double amplitude,
            double[] pvcGain,
            double[] pvcWidth,
            double pvcUpright,
            double[] coupling,
            double[] emg,
            double wander,
            double mainsHz,
            double mains,
            boolean motion) {}

    /** A Holter-like chest lead (MLII) at 360 Hz, as in MIT-BIH. */
    static final Style CLINIC = new Style(
            360,
            new double[] {50, 90},
            1.0,
            new double[] {1.3, 2.0},
            new double[] {0.024, 0.036},
            0.7,
            new double[] {0.55, 0.7},
            new double[] {0.005, 0.03},
            0.25,
            60,
            0.02,
            false);

    /** A wrist device's lead-I-like trace at 250 Hz: smaller, noisier, PVCs less distinct, moving arms. */
    static final Style WATCH = new Style(
            250,
            new double[] {50, 90},
            0.45,
            new double[] {1.0, 1.4},
            new double[] {0.019, 0.028},
            0.5,
            new double[] {0.65, 0.8},
            new double[] {0.015, 0.045},
            0.3,
            50,
            0.01,
            true);

    /** PVC burden (share of beats) is drawn per patient from this range. */
    static final double MIN_BURDEN = 0.05;

    static final double MAX_BURDEN = 0.35;

    private static final double FIRST_BEAT_S = 0.3;
    private static final double WAVE_REACH_SIGMAS = 4;

    /** A beat at a sample, normal or PVC. */
    record Beat(int sample, boolean pvc) {}

    /**
     * @param millivolts the lead
     * @param beats in order, at the main QRS deflection
     * @param heartRate the patient's resting rate in beats per minute
     * @param burden the drawn share of PVCs
     */
    record Recording(float[] millivolts, List<Beat> beats, double heartRate, double burden) {}

    private SyntheticEcg() {}

    static Recording generate(Style style, int seconds, RandomGenerator random) {
        double heartRate = between(random, style.heartRate());
        double burden = between(random, new double[] {MIN_BURDEN, MAX_BURDEN});
        double scale = style.amplitude() * between(random, 0.75, 1.3);
        var normal = normalWaves(random);
        var pvc = pvcWaves(style, random);
        double coupling = between(random, style.coupling());
        int n = (int) Math.round(seconds * style.frequency());
        var signal = new double[n];
        var beats = new ArrayList<Beat>();

        double rr = 60 / heartRate;
        double breathHz = between(random, 0.15, 0.35);
        double breathPhase = between(random, 0, 2 * Math.PI);
        // Chance after a normal beat, so that PVCs (never two in a row) make up the burden: q / (1 + q) = burden.
        double chance = burden / (1 - burden);
        double t = FIRST_BEAT_S + between(random, 0, rr);
        double previousInterval = rr;
        double premature = 0;
        boolean isPvc = false;
        while (t < seconds) {
            double breath = Math.sin(2 * Math.PI * breathHz * t + breathPhase);
            var waves = isPvc ? pvc : normal;
            // Repolarisation shortens with the rate (Bazett); a PVC's does not follow the premature interval.
            double tScale = Math.sqrt(Math.max(0.3, isPvc ? rr : previousInterval));
            draw(signal, style.frequency(), t, waves, scale * (1 + 0.04 * breath), tScale, random);
            int sample = (int) Math.round(t * style.frequency());
            if (sample < n) {
                beats.add(new Beat(sample, isPvc));
            }
            double cycle = rr * (1 + 0.04 * breath + 0.015 * random.nextGaussian());
            boolean nextPvc = !isPvc && random.nextDouble() < chance;
            double interval;
            if (nextPvc) {
                premature = cycle * coupling * (1 + 0.03 * random.nextGaussian());
                interval = premature;
            } else if (isPvc) {
                interval = 2 * cycle - premature; // compensatory pause: the next sinus beat comes on time
            } else {
                interval = cycle;
            }
            t += interval;
            previousInterval = interval;
            isPvc = nextPvc;
        }
        addNoise(signal, style, random);
        var millivolts = new float[n];
        for (int i = 0; i < n; i++) {
            millivolts[i] = (float) signal[i];
        }
        return new Recording(millivolts, List.copyOf(beats), heartRate, burden);
    }

    /** P wave, narrow QRS (about 80-100 ms from Q onset to S end), upright T; T's offset is for a 1 s cycle. */
    private static List<Wave> normalWaves(RandomGenerator random) {
        return List.of(
                new Wave(between(random, 0.12, 0.2), -between(random, 0.15, 0.2), between(random, 0.02, 0.028)),
                new Wave(-between(random, 0.05, 0.15), -between(random, 0.022, 0.03), between(random, 0.007, 0.009)),
                new Wave(1, 0, between(random, 0.009, 0.012)),
                new Wave(-between(random, 0.15, 0.35), between(random, 0.022, 0.03), between(random, 0.008, 0.011)),
                new Wave(between(random, 0.2, 0.4), between(random, 0.26, 0.32), between(random, 0.04, 0.06)));
    }

    /**
     * No P wave; a wide main deflection (about 5 sigma, 95-180 ms) with a slurred opposite notch after it, larger than
     * the normal R, and a T wave pointing away from the QRS. One focus per patient, so one shape.
     */
    private static List<Wave> pvcWaves(Style style, RandomGenerator random) {
        double sign = random.nextDouble() < style.pvcUpright() ? 1 : -1;
        double gain = sign * between(random, style.pvcGain());
        double width = between(random, style.pvcWidth());
        return List.of(
                new Wave(gain, 0, width),
                new Wave(-gain * between(random, 0.25, 0.5), width * between(random, 1.8, 2.4), width),
                new Wave(-gain * between(random, 0.25, 0.4), between(random, 0.3, 0.38), between(random, 0.06, 0.08)));
    }

    /**
     * Adds one beat's waves, each a little different from the last (amplitude 5 %, timing and width 3 %); the last
     * wave is the T wave, whose offset is stretched by {@code tScale}.
     */
    private static void draw(
            double[] signal,
            double frequency,
            double at,
            List<Wave> waves,
            double scale,
            double tScale,
            RandomGenerator random) {
        for (int w = 0; w < waves.size(); w++) {
            var wave = waves.get(w);
            double amplitude = wave.amplitude() * scale * (1 + 0.05 * random.nextGaussian());
            double offset = wave.offset() * (1 + 0.03 * random.nextGaussian()) * (w == waves.size() - 1 ? tScale : 1);
            double sigma = wave.width() * (1 + 0.03 * random.nextGaussian()) * frequency;
            double centre = (at + offset) * frequency;
            int from = Math.max(0, (int) Math.floor(centre - WAVE_REACH_SIGMAS * sigma));
            int to = Math.min(signal.length - 1, (int) Math.ceil(centre + WAVE_REACH_SIGMAS * sigma));
            for (int i = from; i <= to; i++) {
                double z = (i - centre) / sigma;
                signal[i] += amplitude * Math.exp(-0.5 * z * z);
            }
        }
    }

    /** Baseline wander (breathing and slower drift), mains hum, muscle noise and, on a wrist, movement bursts. */
    private static void addNoise(double[] signal, Style style, RandomGenerator random) {
        double fs = style.frequency();
        double wander = style.wander() * between(random, 0.3, 1);
        double breathHz = between(random, 0.15, 0.35);
        double driftHz = between(random, 0.03, 0.1);
        double phase1 = between(random, 0, 2 * Math.PI);
        double phase2 = between(random, 0, 2 * Math.PI);
        double mains = style.mains() * random.nextDouble();
        double mainsPhase = between(random, 0, 2 * Math.PI);
        double emg = between(random, style.emg());
        for (int i = 0; i < signal.length; i++) {
            double t = i / fs;
            signal[i] += 0.6 * wander * Math.sin(2 * Math.PI * breathHz * t + phase1)
                    + 0.4 * wander * Math.sin(2 * Math.PI * driftHz * t + phase2)
                    + mains * Math.sin(2 * Math.PI * style.mainsHz() * t + mainsPhase)
                    + emg * random.nextGaussian();
        }
        if (style.motion()) {
            int episodes = random.nextInt(1 + (int) (signal.length / fs / 15));
            for (int e = 0; e < episodes; e++) {
                addMotion(signal, fs, random);
            }
        }
    }

    /** A 0.5-2 s burst of slow swings, like an arm moving under a wrist electrode, faded in and out. */
    private static void addMotion(double[] signal, double fs, RandomGenerator random) {
        int length = (int) (between(random, 0.5, 2) * fs);
        int start = random.nextInt(Math.max(1, signal.length - length));
        double amplitude = between(random, 0.15, 0.5);
        var hz = new double[] {between(random, 0.7, 2), between(random, 2, 4), between(random, 4, 7)};
        var phase = new double[] {between(random, 0, 6.3), between(random, 0, 6.3), between(random, 0, 6.3)};
        for (int i = 0; i < length && start + i < signal.length; i++) {
            double envelope = Math.sin(Math.PI * i / length);
            double t = i / fs;
            double swing = 0;
            for (int k = 0; k < hz.length; k++) {
                swing += Math.sin(2 * Math.PI * hz[k] * t + phase[k]) / (k + 1);
            }
            signal[start + i] += amplitude * envelope * envelope * swing;
        }
    }

    private static double between(RandomGenerator random, double[] range) {
        return between(random, range[0], range[1]);
    }

    private static double between(RandomGenerator random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }
}
