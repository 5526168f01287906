package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deeprounds.datasets.signal.WfdbSignalsTest.bytes;
import static org.deeprounds.datasets.signal.WfdbSignalsTest.digital;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprounds.datasets.signal.WfdbAnnotations.Annotation;
import org.deeprounds.datasets.signal.WfdbHeader.Format;
import org.deeprounds.datasets.signal.WfdbWriter.Label;
import org.deeprounds.datasets.signal.WfdbWriter.Lead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written to real files and read back with the readers, whose own tests use hand-packed bytes. */
class WfdbWriterTest {

    @TempDir
    Path folder;

    @Test
    void format_212_round_trips_an_odd_number_of_negative_and_extreme_samples_with_header_and_checksum()
            throws Exception {
        int[] values = {0, 1, -1, 2047, -2047, -2048, 1024, -700, 5};
        var writer = new WfdbWriter(
                "odd212", 360, Format.F212, List.of(new Lead("MLII", 200, 1024, values)), List.of("made by a test"));

        writer.writeTo(folder, List.of());
        var signals = readFolder("odd212");

        assertThat(Files.size(folder.resolve("odd212.dat")))
                .as("9 samples: four 3-byte pairs and the last sample's 2 bytes")
                .isEqualTo(14);
        assertThat(folder.resolve("odd212.atr")).doesNotExist();
        assertThat(digital(signals, 0)).containsExactly(values);
        assertThat(signals.checksumMatches(0)).isTrue();
        var header = signals.header();
        assertThat(header.recordName()).isEqualTo("odd212");
        assertThat(header.samplingFrequency()).isEqualTo(360);
        assertThat(header.samplesPerSignal()).isEqualTo(9);
        assertThat(header.comments()).containsExactly("made by a test");
        var lead = header.signals().getFirst();
        assertThat(lead.format()).isEqualTo(Format.F212);
        assertThat(lead.gain()).isEqualTo(200);
        assertThat(lead.baseline()).isEqualTo(1024);
        assertThat(lead.adcZero()).isEqualTo(1024);
        assertThat(lead.units()).isEqualTo("mV");
        assertThat(lead.adcResolution()).isEqualTo(12);
        assertThat(lead.initialValue()).isZero();
        assertThat(lead.description()).isEqualTo("MLII");
        assertThat(signals.physical(0, 6)).isZero();
        assertThat(signals.physical(0, 5)).as("-2048 is WFDB's missing sample").isNaN();
    }

    @Test
    void format_212_packs_the_standard_bytes() throws Exception {
        // The reader test's frames: 1443 and -695 pack to A3 D5 49; 1 and -2 to 01 F0 FE; 1024 alone to 00 04.
        var writer = new WfdbWriter(
                "p", 250, Format.F212, List.of(new Lead("I", 200, 0, new int[] {1443, -695, 1, -2, 1024})), List.of());
        var out = new ByteArrayOutputStream();

        writer.writeData(out);

        assertThat(out.toByteArray()).containsExactly(bytes(0xA3, 0xD5, 0x49, 0x01, 0xF0, 0xFE, 0x00, 0x04));
    }

    @Test
    void three_leads_of_three_frames_interleave_in_212_and_in_16() throws Exception {
        var leads = List.of(
                new Lead("I", 100, 0, new int[] {1, -2, 3}),
                new Lead("II", 200.5, -24, new int[] {-2000, 2000, 0}),
                new Lead("V1 chest", 1000, 5, new int[] {7, -7, 2047}));
        for (var format : Format.values()) {
            var name = "three" + format.code();
            new WfdbWriter(name, 500, format, leads, List.of()).writeTo(folder, List.of());

            var signals = readFolder(name);

            assertThat(signals.length()).isEqualTo(3);
            for (int s = 0; s < 3; s++) {
                assertThat(digital(signals, s)).containsExactly(leads.get(s).digital());
                assertThat(signals.checksumMatches(s)).isTrue();
            }
            assertThat(signals.header().signals().get(1).gain()).isEqualTo(200.5);
            assertThat(signals.header().signals().get(2).description()).isEqualTo("V1 chest");
            assertThat(signals.physical(1, 0)).isEqualTo((-2000 + 24) / 200.5);
        }
        assertThat(Files.size(folder.resolve("three212.dat"))).isEqualTo(14);
        assertThat(Files.size(folder.resolve("three16.dat"))).isEqualTo(18);
    }

    @Test
    void format_16_keeps_the_full_16_bit_range() throws Exception {
        int[] values = {-32767, 32767, -1, 0, 12345};
        new WfdbWriter("r16", 1000, Format.F16, List.of(new Lead("ABP", 10, 0, values)), List.of())
                .writeTo(folder, List.of());

        var signals = readFolder("r16");

        assertThat(digital(signals, 0)).containsExactly(values);
        assertThat(signals.checksumMatches(0)).isTrue();
    }

    @Test
    void a_checksum_catches_a_data_file_rewritten_after_its_header() throws Exception {
        var writer = new WfdbWriter(
                "changed", 360, Format.F212, List.of(new Lead("MLII", 200, 0, new int[] {10, 20, 30, 40})), List.of());
        writer.writeTo(folder, List.of());
        var other = new WfdbWriter(
                "changed", 360, Format.F212, List.of(new Lead("MLII", 200, 0, new int[] {10, 20, 31, 40})), List.of());
        try (var out = Files.newOutputStream(folder.resolve("changed.dat"))) {
            other.writeData(out);
        }

        assertThat(readFolder("changed").checksumMatches(0)).isFalse();
    }

    @Test
    void annotations_round_trip_with_a_skip_over_a_long_gap_and_two_labels_at_one_sample() throws Exception {
        var labels = List.of(
                new Label(0, AnnotationCode.NORMAL),
                new Label(1023, AnnotationCode.PVC),
                new Label(2047, AnnotationCode.NORMAL),
                new Label(2047, AnnotationCode.NOISE),
                new Label(102_047, AnnotationCode.PVC),
                new Label(102_048, AnnotationCode.PACED));
        new WfdbWriter("ann", 360, Format.F212, List.of(new Lead("MLII", 200, 0, new int[1])), List.of())
                .writeTo(folder, labels);

        List<Annotation> read;
        try (var in = Files.newInputStream(folder.resolve("ann.atr"))) {
            read = WfdbAnnotations.read("ann.atr", in, 100);
        }

        assertThat(read).extracting(Annotation::sample).containsExactly(0L, 1023L, 2047L, 2047L, 102_047L, 102_048L);
        assertThat(read).extracting(Annotation::mnemonic).containsExactly("N", "V", "N", "~", "V", "/");
        assertThat(read).extracting(Annotation::channel).containsOnly(0);
    }

    @Test
    void a_gap_over_1023_samples_is_written_as_skip_with_its_32_bit_interval_high_word_first() throws Exception {
        var out = new ByteArrayOutputStream();

        WfdbWriter.writeAnnotations(out, List.of(new Label(100_000, AnnotationCode.PVC)));

        // SKIP (59 << 10 = 0xEC00), 100000 = 0x0001_86A0 as 0x0001 then 0x86A0, V (5 << 10) with 0, end word.
        assertThat(out.toByteArray())
                .containsExactly(bytes(0x00, 0xEC, 0x01, 0x00, 0xA0, 0x86, 0x00, 0x14, 0x00, 0x00));
        var read = WfdbAnnotations.read("a.atr", new ByteArrayInputStream(out.toByteArray()), 10);
        assertThat(read).extracting(Annotation::sample).containsExactly(100_000L);
    }

    @Test
    void millivolts_are_rounded_clipped_to_the_format_and_nan_becomes_missing() {
        var lead = Lead.millivolts("MLII", new float[] {0, 1.2345f, -1, 20, -20, Float.NaN}, 200, 1024, Format.F212);

        assertThat(lead.digital()).containsExactly(1024, 1271, 824, 2047, -2047, -2048);
    }

    @Test
    void refusals_name_what_is_wrong() {
        var lead = new Lead("MLII", 200, 0, new int[] {1, 2});

        assertThatThrownBy(() -> new WfdbWriter("bad name", 360, Format.F212, List.of(lead), List.of()))
                .hasMessageContaining("record name 'bad name'");
        assertThatThrownBy(() -> new WfdbWriter("r", 0, Format.F212, List.of(lead), List.of()))
                .hasMessageContaining("sampling frequency 0.0");
        assertThatThrownBy(() -> new WfdbWriter("r", 360, Format.F212, List.of(), List.of()))
                .hasMessageContaining("at least one lead");
        assertThatThrownBy(() -> new WfdbWriter(
                        "r", 360, Format.F212, List.of(lead, new Lead("V1", 200, 0, new int[3])), List.of()))
                .hasMessageContaining("lead V1 has 3 samples, the first lead 2");
        assertThatThrownBy(() -> new WfdbWriter(
                        "r", 360, Format.F212, List.of(new Lead("MLII", 200, 0, new int[] {0, 2048})), List.of()))
                .hasMessageContaining("sample 1 is 2048, outside format 212's range -2048 to 2047");
        assertThatThrownBy(() -> new WfdbWriter("r", 360, Format.F212, List.of(lead), List.of("two\nlines")))
                .hasMessageContaining("must be one line");
        assertThatThrownBy(() -> new Lead("MLII", 0, 0, new int[1])).hasMessageContaining("gain 0.0");
        assertThatThrownBy(() -> new Lead(" ", 200, 0, new int[1])).hasMessageContaining("description");
        assertThatThrownBy(() -> new Label(-1, AnnotationCode.NORMAL)).hasMessageContaining("-1");
        assertThatThrownBy(() -> WfdbWriter.writeAnnotations(
                        new ByteArrayOutputStream(),
                        List.of(new Label(10, AnnotationCode.NORMAL), new Label(9, AnnotationCode.PVC))))
                .hasMessageContaining("label 1 at sample 9 comes before the previous one at 10");
    }

    private WfdbSignals readFolder(String record) throws Exception {
        WfdbHeader header;
        try (var in = Files.newInputStream(folder.resolve(record + ".hea"))) {
            header = WfdbHeader.read(record + ".hea", in);
        }
        return WfdbSignals.read(header, WfdbSignals.folder(folder), WfdbSignals.DEFAULT_MAX_SAMPLES);
    }
}
