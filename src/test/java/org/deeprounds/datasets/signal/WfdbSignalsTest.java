package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data files packed by hand, byte by byte, so the expected values do not come from an encoder that could share the
 * reader's mistakes.
 */
class WfdbSignalsTest {

    /**
     * Format 212, two signals, three frames. Frame 0: A = 0x5A3 (1443), B = 0xD49 (-695): bytes A3, then D (B's high
     * nibble) and 5 (A's) = D5, then 49. Frame 1: A = 0xC00 (-1024), B = 0x07F (127): 00 0C 7F. Frame 2: A = 0x800
     * (-2048, WFDB's missing sample), B = 0x7FF (2047): 00 78 FF.
     */
    static final byte[] TWO_SIGNALS_212 = bytes(0xA3, 0xD5, 0x49, 0x00, 0x0C, 0x7F, 0x00, 0x78, 0xFF);

    static final String HEADER_212 = """
            rec 2 360 3
            rec.dat 212 200(-24)/mV 12 0 1443 -1629 0 MLII
            rec.dat 212 100/mV 12 5 -695 1479 0 V1
            """;

    @Test
    void format_212_unpacks_negative_and_positive_12_bit_values_of_two_interleaved_signals() throws Exception {
        var signals = read(HEADER_212, Map.of("rec.dat", TWO_SIGNALS_212));

        assertThat(signals.signalCount()).isEqualTo(2);
        assertThat(signals.length()).isEqualTo(3);
        assertThat(digital(signals, 0)).containsExactly(1443, -1024, -2048);
        assertThat(digital(signals, 1)).containsExactly(-695, 127, 2047);

        // (digital - baseline) / gain: baseline -24 given; baseline of V1 defaults to its ADC zero 5.
        assertThat(signals.physical(0, 0)).isEqualTo((1443 + 24) / 200.0);
        assertThat(signals.physical(0, 1)).isEqualTo((-1024 + 24) / 200.0);
        assertThat(signals.physical(0, 2)).as("-2048 marks a missing sample").isNaN();
        assertThat(signals.physical(1, 0)).isEqualTo((-695 - 5) / 100.0);
        assertThat(signals.physical(1, 2)).isEqualTo((2047 - 5) / 100.0);
        assertThat(signals.physical(1)).containsExactly(-7.0f, 1.22f, 20.42f);
        assertThat(signals.checksumMatches(0)).isTrue();
        assertThat(signals.checksumMatches(1)).isTrue();
    }

    @Test
    void format_212_with_an_odd_number_of_samples_ends_with_two_bytes() throws Exception {
        // One signal: 1 (0x001) and -2 (0xFFE) share 01 F0 FE; 1024 (0x400) alone is 00 04.
        var signals = read("one 1 250\none.dat 212\n", Map.of("one.dat", bytes(0x01, 0xF0, 0xFE, 0x00, 0x04)));

        assertThat(digital(signals, 0)).containsExactly(1, -2, 1024);
    }

    @Test
    void format_16_reads_little_endian_twos_complement_frame_by_frame() throws Exception {
        // Frames (1000, -1000), (-32768, 32767), (4660, -2): E8 03 | 18 FC | 00 80 | FF 7F | 34 12 | FE FF.
        var data = bytes(0xE8, 0x03, 0x18, 0xFC, 0x00, 0x80, 0xFF, 0x7F, 0x34, 0x12, 0xFE, 0xFF);
        var header = """
                r16 2 500
                r16.dat 16 1000(10)/mV 16 0 1000 0 0 I
                r16.dat 16 0/mmHg 16 5
                """;

        var signals = read(header, Map.of("r16.dat", data));

        assertThat(signals.length())
                .as("length from the file when the header gives none")
                .isEqualTo(3);
        assertThat(digital(signals, 0)).containsExactly(1000, -32768, 4660);
        assertThat(digital(signals, 1)).containsExactly(-1000, 32767, -2);
        assertThat(signals.physical(0, 0)).isEqualTo(0.99);
        assertThat(signals.physical(0, 1)).isNaN();
        assertThat(signals.physical(0, 2)).isEqualTo(4.65);
        assertThat(signals.physical(1, 0)).isEqualTo(-1005 / 200.0);
        assertThat(signals.physical(1, 1)).isEqualTo(32762 / 200.0);
        assertThat(signals.checksumMatches(0))
                .as("1000 - 32768 + 4660 is not 0")
                .isFalse();
    }

    @Test
    void signals_in_separate_files_and_a_prolog_are_read() throws Exception {
        var header = "r 2 100 2\na.dat 16+3\nb.dat 212\n";
        var files = Map.of("a.dat", bytes(0xAA, 0xBB, 0xCC, 0x07, 0x00, 0xF9, 0xFF), "b.dat", bytes(0xFF, 0x0F, 0x00));

        var signals = read(header, files);

        assertThat(digital(signals, 0)).containsExactly(7, -7);
        assertThat(digital(signals, 1)).containsExactly(-1, 0);
    }

    @Test
    void a_truncated_data_file_is_refused_naming_the_file_and_where_it_ends() {
        var cut = java.util.Arrays.copyOf(TWO_SIGNALS_212, 7);

        assertThatThrownBy(() -> read(HEADER_212, Map.of("rec.dat", cut)))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("rec.dat is truncated")
                .hasMessageContaining("frame 2")
                .hasMessageContaining("after 7 bytes")
                .hasMessageContaining("3 frames of 2 signal(s) in format 212, 9 bytes");
    }

    @Test
    void a_data_file_ending_inside_a_frame_is_refused_even_without_a_declared_length() {
        var header = "r 2 500\nr.dat 16\nr.dat 16\n";

        assertThatThrownBy(() -> read(header, Map.of("r.dat", bytes(1, 0, 2, 0, 3, 0))))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("r.dat is truncated")
                .hasMessageContaining("frame 1 (signal 1)");
        assertThatThrownBy(() -> read("r 1 500\nr.dat 16\n", Map.of("r.dat", bytes(1, 0, 2))))
                .hasMessageContaining("r.dat is truncated");
    }

    @Test
    void a_header_declaring_more_samples_than_allowed_is_refused_before_reading() {
        assertThatThrownBy(() -> WfdbSignals.read(
                        WfdbHeader.parse("r.hea", "r 2 360 650000\nr.dat 212\nr.dat 212\n"),
                        name -> new ByteArrayInputStream(new byte[0]),
                        1_000_000))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("650000 samples of 2 signal(s)")
                .hasMessageContaining("at most 1000000");
    }

    @Test
    void a_file_without_a_declared_length_stops_at_the_limit() {
        assertThatThrownBy(() -> WfdbSignals.read(
                        WfdbHeader.parse("r.hea", "r 1 360\nr.dat 16\n"),
                        name -> new ByteArrayInputStream(new byte[20_000]),
                        5_000))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("r.dat: more than");
    }

    @Test
    void records_are_read_from_a_folder(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve("rec.dat"), TWO_SIGNALS_212);
        var header = WfdbHeader.parse("rec.hea", HEADER_212);

        var signals = WfdbSignals.read(header, WfdbSignals.folder(folder), WfdbSignals.DEFAULT_MAX_SAMPLES);

        assertThat(signals.digital(1, 0)).isEqualTo(-695);
        assertThatThrownBy(() -> WfdbSignals.read(
                        WfdbHeader.parse("x.hea", "x 1\nx.dat 16\n"),
                        WfdbSignals.folder(folder),
                        WfdbSignals.DEFAULT_MAX_SAMPLES))
                .hasMessageContaining("x.dat: data file not found");
    }

    static WfdbSignals read(String header, Map<String, byte[]> files) throws Exception {
        return WfdbSignals.read(
                WfdbHeader.parse("test.hea", header),
                name -> new ByteArrayInputStream(files.get(name)),
                WfdbSignals.DEFAULT_MAX_SAMPLES);
    }

    static int[] digital(WfdbSignals signals, int signal) {
        var values = new int[signals.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = signals.digital(signal, i);
        }
        return values;
    }

    static byte[] bytes(int... values) {
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
