package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.deeprounds.datasets.io.SafeZip;
import org.deeprounds.datasets.signal.WfdbAnnotations.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic sets written to real files and read with the same readers the import uses. */
class SyntheticBeatsTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyntheticBeatsTest.class);

    static final long SEED = 20260201L;

    @TempDir
    Path folder;

    /** A clinic record as the readers see it. */
    record Clinic(String name, WfdbSignals signals, List<Annotation> annotations) {}

    @Test
    void the_same_seed_writes_the_same_bytes_and_another_seed_other_bytes() throws Exception {
        assertThat(clinicZip(3, 20, SEED)).isEqualTo(clinicZip(3, 20, SEED)).isNotEqualTo(clinicZip(3, 20, SEED + 1));
        assertThat(watchNpz(SEED)).isEqualTo(watchNpz(SEED)).isNotEqualTo(watchNpz(SEED + 1));
    }

    @Test
    void the_shipped_clinic_set_imports_through_the_wfdb_readers_and_beat_windows_in_about_a_second() throws Exception {
        var zip = folder.resolve("clinic.zip");
        long started = System.nanoTime();
        try (var out = Files.newOutputStream(zip)) {
            SyntheticBeats.writeClinicZip(out, SyntheticBeats.CLINIC_RECORDS, SyntheticBeats.CLINIC_SECONDS, SEED);
        }
        long written = System.nanoTime();
        var records = readClinicZip(zip);
        int[] perClass = new int[2];
        var normalWidths = new ArrayList<Double>();
        var pvcWidths = new ArrayList<Double>();
        int skipped = 0;
        for (var record : records) {
            var cut = SyntheticBeats.CLINIC_WINDOW.cut(
                    new float[][] {record.signals().physical(0)}, record.annotations(), SyntheticBeats.CLASSES);
            skipped += cut.offEdge() + cut.unclassed() + cut.missingSamples();
            assertThat(cut.unclassed() + cut.missingSamples()).isZero();
            for (var window : cut.windows()) {
                perClass[window.label()]++;
                (window.label() == 1 ? pvcWidths : normalWidths)
                        .add(mainDeflectionMs(
                                window.values(),
                                SyntheticBeats.CLINIC_WINDOW.before(),
                                SyntheticBeats.CLINIC_FREQUENCY));
            }
        }
        long imported = System.nanoTime();
        int beats = perClass[0] + perClass[1];
        double normalWidth = median(normalWidths);
        double pvcWidth = median(pvcWidths);
        log.info(String.format(
                java.util.Locale.ROOT,
                "clinic set: %d records, %d KB, written in %d ms, read and cut in %d ms: %d beats (%d normal, %d PVC,"
                        + " %.1f %%), %d off the edges; main deflection at half height %.0f ms normal, %.0f ms PVC",
                records.size(),
                Files.size(zip) / 1024,
                (written - started) / 1_000_000,
                (imported - written) / 1_000_000,
                beats,
                perClass[0],
                perClass[1],
                100.0 * perClass[1] / beats,
                skipped,
                normalWidth,
                pvcWidth));

        assertThat(records).hasSize(SyntheticBeats.CLINIC_RECORDS);
        assertThat(records.getFirst().name()).isEqualTo("rec01");
        for (var record : records) {
            var header = record.signals().header();
            var lead = header.signals().getFirst();
            assertThat(header.samplingFrequency()).isEqualTo(360);
            assertThat(record.signals().length()).isEqualTo(360 * SyntheticBeats.CLINIC_SECONDS);
            assertThat(lead.format()).isEqualTo(WfdbHeader.Format.F212);
            assertThat(lead.gain()).isEqualTo(200);
            assertThat(lead.baseline()).isEqualTo(1024);
            assertThat(lead.description()).isEqualTo("MLII");
            assertThat(header.comments().getFirst()).startsWith("SYNTHETIC");
            assertThat(record.signals().checksumMatches(0)).isTrue();
            assertThat(record.annotations()).extracting(Annotation::mnemonic).contains("N", "V");
        }
        assertThat(beats).isBetween(2_200, 2_900);
        assertThat((double) perClass[1] / beats).isBetween(0.14, 0.26);
        assertThat(pvcWidth).as("PVC QRS wider than normal").isGreaterThan(2 * normalWidth);
        assertThat((imported - written) / 1_000_000).as("import time in ms").isLessThan(10_000);
    }

    @Test
    void the_shipped_watch_set_reads_as_a_signal_npz_with_both_classes_in_every_split() throws Exception {
        var npz = folder.resolve("watch.npz");
        Files.write(npz, watchNpz(SEED));
        var counts = new TreeMap<String, int[]>();
        var normalWidths = new ArrayList<Double>();
        var pvcWidths = new ArrayList<Double>();

        SignalNpz.Shape shape;
        try (var zip = SafeZip.open(npz, "watch.npz", 64L * 1024 * 1024)) {
            shape = SignalNpz.read(zip, "watch.npz", SignalNpz.SPLITS, (split, index, values, label) -> {
                counts.computeIfAbsent(split, s -> new int[2])[label]++;
                (label == 1 ? pvcWidths : normalWidths)
                        .add(mainDeflectionMs(
                                values, SyntheticBeats.WATCH_WINDOW.before(), SyntheticBeats.WATCH_FREQUENCY));
            });
        }
        log.info(String.format(
                java.util.Locale.ROOT,
                "watch set: %s (normal, PVC) beats of %d samples; main deflection at half height %.0f ms normal,"
                        + " %.0f ms PVC",
                counts.entrySet().stream()
                        .map(e -> e.getKey() + " " + Arrays.toString(e.getValue()))
                        .toList(),
                shape.length(),
                median(normalWidths),
                median(pvcWidths)));

        assertThat(shape).isEqualTo(new SignalNpz.Shape(SyntheticBeats.WATCH_LENGTH, 1));
        assertThat(SyntheticBeats.WATCH_WINDOW.length()).isEqualTo(SyntheticBeats.WATCH_LENGTH);
        assertThat(SyntheticBeats.WATCH_WINDOW.before()).isEqualTo(63);
        assertThat(SyntheticBeats.CLINIC_WINDOW.length()).isEqualTo(252);
        assertThat(counts.keySet()).containsExactlyInAnyOrder("train", "val", "test");
        for (var perClass : counts.values()) {
            assertThat(perClass[0]).isPositive();
            assertThat(perClass[1]).isPositive();
        }
        assertThat(sum(counts.get("train"))).isBetween(1_250, 1_750);
        assertThat(sum(counts.get("val"))).isBetween(300, 520);
        assertThat(sum(counts.get("test"))).isBetween(300, 520);
        assertThat(median(pvcWidths)).as("PVC QRS wider than normal").isGreaterThan(1.5 * median(normalWidths));
    }

    @Test
    void no_wearer_is_in_two_splits() {
        var splits = SyntheticBeats.watchBeats(4, 2, 2, 30, SEED);

        var seen = new ArrayList<Set<Integer>>();
        for (var split : splits) {
            var wearers = new HashSet<Integer>();
            split.forEach(beat -> wearers.add(beat.wearer()));
            seen.add(wearers);
        }
        assertThat(seen.get(0)).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(seen.get(1)).containsExactlyInAnyOrder(4, 5);
        assertThat(seen.get(2)).containsExactlyInAnyOrder(6, 7);
    }

    @Test
    void pvcs_come_early_and_are_followed_by_a_compensatory_pause() {
        var beforePvc = new ArrayList<Double>();
        var normal = new ArrayList<Double>();
        var aroundPvc = new ArrayList<Double>();
        var streams = new SplittableRandom(SEED);
        for (int r = 0; r < 10; r++) {
            var beats = SyntheticEcg.generate(SyntheticEcg.CLINIC, 60, streams.split())
                    .beats();
            for (int i = 2; i + 1 < beats.size(); i++) {
                double before = beats.get(i).sample() - beats.get(i - 1).sample();
                double rr = beats.get(i - 1).sample() - beats.get(i - 2).sample();
                if (beats.get(i).pvc()
                        && !beats.get(i - 1).pvc()
                        && !beats.get(i - 2).pvc()) {
                    beforePvc.add(before / rr);
                    aroundPvc.add((beats.get(i + 1).sample() - beats.get(i - 1).sample()) / rr);
                } else if (!beats.get(i).pvc()
                        && !beats.get(i - 1).pvc()
                        && !beats.get(i - 2).pvc()) {
                    normal.add(before / rr);
                }
            }
        }

        assertThat(median(normal)).isBetween(0.95, 1.05);
        assertThat(median(beforePvc)).as("coupling interval / previous RR").isBetween(0.5, 0.75);
        assertThat(median(aroundPvc)).as("the two intervals around a PVC / RR").isBetween(1.9, 2.1);
    }

    @Test
    void refusals_name_the_argument() {
        var out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> SyntheticBeats.writeClinicZip(out, 0, 60, SEED))
                .hasMessageContaining("records must be from 1 to 999 (got 0)");
        assertThatThrownBy(() -> SyntheticBeats.writeClinicZip(out, 2, 5, SEED))
                .hasMessageContaining("seconds per record must be from 10");
        assertThatThrownBy(() -> SyntheticBeats.writeWatchNpz(out, 3, 0, 1, 60, SEED))
                .hasMessageContaining("val wearers must be from 1");
    }

    static List<Clinic> readClinicZip(Path path) throws IOException {
        var records = new ArrayList<Clinic>();
        try (var zip = new ZipFile(path.toFile())) {
            var names = zip.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.endsWith(".hea"))
                    .sorted()
                    .toList();
            for (var name : names) {
                var record = name.substring(0, name.length() - 4);
                WfdbHeader header;
                try (var in = zip.getInputStream(zip.getEntry(name))) {
                    header = WfdbHeader.read(name, in);
                }
                var signals = WfdbSignals.read(
                        header, file -> zip.getInputStream(zip.getEntry(file)), WfdbSignals.DEFAULT_MAX_SAMPLES);
                List<Annotation> annotations;
                try (var in = zip.getInputStream(zip.getEntry(record + ".atr"))) {
                    annotations = WfdbAnnotations.read(record + ".atr", in, WfdbAnnotations.DEFAULT_MAX_ANNOTATIONS);
                }
                records.add(new Clinic(record, signals, annotations));
            }
        }
        return records;
    }

    static byte[] clinicZip(int records, int seconds, long seed) throws IOException {
        var out = new ByteArrayOutputStream();
        SyntheticBeats.writeClinicZip(out, records, seconds, seed);
        return out.toByteArray();
    }

    static byte[] watchNpz(long seed) throws IOException {
        var out = new ByteArrayOutputStream();
        SyntheticBeats.writeWatchNpz(
                out,
                SyntheticBeats.WATCH_TRAIN_WEARERS,
                SyntheticBeats.WATCH_VAL_WEARERS,
                SyntheticBeats.WATCH_TEST_WEARERS,
                SyntheticBeats.WATCH_SECONDS,
                seed);
        return out.toByteArray();
    }

    /**
     * The width of the beat's main deflection at half its height above the window's median: a simple stand-in for QRS
     * duration that needs no onset and offset detection.
     */
    static double mainDeflectionMs(float[] window, int beat, double samplingFrequency) {
        var sorted = window.clone();
        Arrays.sort(sorted);
        double baseline = sorted[sorted.length / 2];
        int reach = (int) Math.round(0.04 * samplingFrequency);
        int peak = beat;
        for (int i = beat - reach; i <= beat + reach; i++) {
            if (Math.abs(window[i] - baseline) > Math.abs(window[peak] - baseline)) {
                peak = i;
            }
        }
        double half = (window[peak] - baseline) / 2;
        int left = peak;
        while (left > 0 && (window[left - 1] - baseline) / half >= 1) {
            left--;
        }
        int right = peak;
        while (right < window.length - 1 && (window[right + 1] - baseline) / half >= 1) {
            right++;
        }
        return (right - left + 1) * 1000 / samplingFrequency;
    }

    static double median(List<Double> values) {
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static int sum(int[] values) {
        return Arrays.stream(values).sum();
    }
}
