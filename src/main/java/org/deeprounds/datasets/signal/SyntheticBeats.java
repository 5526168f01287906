package org.deeprounds.datasets.signal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * SYNTHETIC ECG for teaching one question: is this beat normal or a premature ventricular contraction (PVC)? Normal
 * beats have a P wave, a narrow QRS and an upright T wave; PVCs come early (then a compensatory pause), have no P
 * wave, a wide, bizarre, larger QRS and a T wave pointing the other way. Every record or wearer is a different
 * synthetic person (rate, size, shape, PVC burden of 5-35 %, noise), so the lesson can show why test data must come
 * from people the network never saw. Deterministic for a seed; no real patient is behind any of it.
 *
 * <p>Two sets: a "clinic" set of WFDB records like MIT-BIH (to learn the file format and cutting beats around
 * annotations), and a "smartwatch" set of ready-cut beat windows, noisier and with subtler PVCs, to show how a model
 * trained on one setting fares on another.
 */
public final class SyntheticBeats {

    /** Clinic records' sampling frequency, as MIT-BIH's. */
    public static final double CLINIC_FREQUENCY = SyntheticEcg.CLINIC.frequency();

    /** Smartwatch beats' sampling frequency. */
    public static final double WATCH_FREQUENCY = SyntheticEcg.WATCH.frequency();

    /** A beat window starts this long before the R peak (room for the P wave)... */
    public static final double WINDOW_BEFORE_S = 0.25;

    /** ...and ends this long after it (room for the T wave). */
    public static final double WINDOW_AFTER_S = 0.45;

    /** The window at 360 Hz: 90 samples before the R peak and 162 from it on, 252 in all. */
    public static final BeatWindows CLINIC_WINDOW =
            BeatWindows.seconds(WINDOW_BEFORE_S, WINDOW_AFTER_S, CLINIC_FREQUENCY);

    /** The window at 250 Hz: 63 samples before the R peak (0.25 s rounds up) and 113 from it on. */
    public static final BeatWindows WATCH_WINDOW =
            BeatWindows.seconds(WINDOW_BEFORE_S, WINDOW_AFTER_S, WATCH_FREQUENCY);

    /** Samples per smartwatch beat, T in the npz's (N, T) signals. */
    public static final int WATCH_LENGTH = 176;

    /** The clinic records' single lead. */
    public static final String LEAD = "MLII";

    /** Digital units per mV in the clinic records, as MIT-BIH. */
    public static final int GAIN = 200;

    /** The digital value of 0 mV in the clinic records, as MIT-BIH. */
    public static final int ZERO = 1024;

    /** Class 0 is annotation "N", class 1 is "V"; in the npz, labels 0 and 1. */
    public static final BeatClasses CLASSES = classes();

    /** The clinic set as shipped: about 2,500 beats, one in five a PVC. */
    public static final int CLINIC_RECORDS = 36;

    public static final int CLINIC_SECONDS = 60;

    /** The smartwatch set as shipped: wearers per split and seconds each, about 1,500 / 400 / 400 beats. */
    public static final int WATCH_TRAIN_WEARERS = 22;

    public static final int WATCH_VAL_WEARERS = 6;

    public static final int WATCH_TEST_WEARERS = 6;

    public static final int WATCH_SECONDS = 60;

    static final int MAX_RECORDS = 999;
    static final int MIN_SECONDS = 10;
    static final int MAX_SECONDS = 3600;

    /** Keeps the watch wearers' random streams apart from the clinic records' for the same seed. */
    private static final long WATCH_SALT = 0x5741_5443_48L;

    private SyntheticBeats() {}

    /**
     * Writes {@code records} WFDB records to a zip ({@code out} is left open): {@code rec01.hea}, {@code rec01.dat}
     * (format 212, {@value #GAIN} units per mV, zero {@value #ZERO}, lead {@value #LEAD}, 360 Hz) and {@code rec01.atr}
     * with an "N" or "V" annotation at each beat's main QRS deflection.
     */
    public static void writeClinicZip(OutputStream out, int records, int secondsPerRecord, long seed)
            throws IOException {
        check("records", records, 1, MAX_RECORDS);
        check("seconds per record", secondsPerRecord, MIN_SECONDS, MAX_SECONDS);
        var zip = new ZipOutputStream(out);
        var streams = new SplittableRandom(seed);
        int digits = Math.max(2, Integer.toString(records).length());
        for (int r = 0; r < records; r++) {
            var recording = SyntheticEcg.generate(SyntheticEcg.CLINIC, secondsPerRecord, streams.split());
            var name = "rec" + String.format(Locale.ROOT, "%0" + digits + "d", r + 1);
            var lead = WfdbWriter.Lead.millivolts(LEAD, recording.millivolts(), GAIN, ZERO, WfdbHeader.Format.F212);
            var comments = List.of(
                    "SYNTHETIC ECG for teaching (DeepRounds SyntheticBeats, seed " + seed + "): no real patient",
                    String.format(
                            Locale.ROOT,
                            "resting heart rate %.0f bpm, PVC burden %.0f %%",
                            recording.heartRate(),
                            100 * recording.burden()));
            var writer = new WfdbWriter(name, CLINIC_FREQUENCY, WfdbHeader.Format.F212, List.of(lead), comments);
            var labels = recording.beats().stream()
                    .map(b -> new WfdbWriter.Label(b.sample(), b.pvc() ? AnnotationCode.PVC : AnnotationCode.NORMAL))
                    .toList();
            var data = new ByteArrayOutputStream();
            writer.writeData(data);
            var annotations = new ByteArrayOutputStream();
            WfdbWriter.writeAnnotations(annotations, labels);
            entry(zip, writer.headerFileName(), writer.headerText().getBytes(StandardCharsets.US_ASCII));
            entry(zip, writer.dataFileName(), data.toByteArray());
            entry(zip, writer.annotationFileName(), annotations.toByteArray());
        }
        zip.finish();
    }

    /**
     * Writes the smartwatch set as a signal npz ({@code out} is left open): float32 beats (N, {@value #WATCH_LENGTH})
     * in mV, int64 labels (0 normal, 1 PVC), each split from its own wearers (no wearer in two splits), shuffled.
     */
    public static void writeWatchNpz(
            OutputStream out, int trainWearers, int valWearers, int testWearers, int secondsPerWearer, long seed)
            throws IOException {
        var splits = watchBeats(trainWearers, valWearers, testWearers, secondsPerWearer, seed);
        var written = new SignalNpzWriter.Split[splits.size()];
        for (int s = 0; s < written.length; s++) {
            var beats = splits.get(s);
            var signals = new float[beats.size()][];
            var labels = new int[beats.size()];
            for (int i = 0; i < beats.size(); i++) {
                signals[i] = beats.get(i).values();
                labels[i] = beats.get(i).label();
            }
            written[s] = new SignalNpzWriter.Split(signals, labels);
        }
        SignalNpzWriter.write(out, written[0], written[1], written[2]);
    }

    /** One smartwatch beat: who wore the watch, its class, and the window in mV. */
    record WatchBeat(int wearer, int label, float[] values) {}

    /** The train, val and test beats; wearers are numbered across splits, train's first. */
    static List<List<WatchBeat>> watchBeats(
            int trainWearers, int valWearers, int testWearers, int secondsPerWearer, long seed) {
        check("train wearers", trainWearers, 1, MAX_RECORDS);
        check("val wearers", valWearers, 1, MAX_RECORDS);
        check("test wearers", testWearers, 1, MAX_RECORDS);
        check("seconds per wearer", secondsPerWearer, MIN_SECONDS, MAX_SECONDS);
        var streams = new SplittableRandom(seed ^ WATCH_SALT);
        var shuffle = new Random(seed);
        var counts = new int[] {trainWearers, valWearers, testWearers};
        var splits = new ArrayList<List<WatchBeat>>();
        int wearer = 0;
        for (int count : counts) {
            var beats = new ArrayList<WatchBeat>();
            for (int w = 0; w < count; w++, wearer++) {
                var recording = SyntheticEcg.generate(SyntheticEcg.WATCH, secondsPerWearer, streams.split());
                var annotations = recording.beats().stream()
                        .map(b -> new WfdbAnnotations.Annotation(
                                b.sample(), (b.pvc() ? AnnotationCode.PVC : AnnotationCode.NORMAL).code(), 0, 0, 0, ""))
                        .toList();
                var cut = WATCH_WINDOW.cut(new float[][] {recording.millivolts()}, annotations, CLASSES);
                for (var window : cut.windows()) {
                    beats.add(new WatchBeat(wearer, window.label(), window.values()));
                }
            }
            Collections.shuffle(beats, shuffle);
            splits.add(List.copyOf(beats));
        }
        return List.copyOf(splits);
    }

    private static BeatClasses classes() {
        var groups = new LinkedHashMap<String, List<String>>();
        groups.put("normal", List.of(AnnotationCode.NORMAL.mnemonic()));
        groups.put("pvc", List.of(AnnotationCode.PVC.mnemonic()));
        return BeatClasses.of(groups);
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be from " + min + " to " + max + " (got " + value + ")");
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        var entry = new ZipEntry(name);
        entry.setTimeLocal(SignalNpzWriter.ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
