package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.deeprounds.datasets.signal.WfdbSignalsTest.bytes;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.deeprounds.datasets.signal.WfdbAnnotations.Annotation;
import org.junit.jupiter.api.Test;

/** An MIT annotation file packed by hand: each word is (type << 10 | value), stored low byte first. */
class WfdbAnnotationsTest {

    static final byte[] ATR = bytes(
            0x12, 0x70, // + (28) at 18: 28 << 10 | 18 = 0x7012
            0x03, 0xFC, 0x28, 0x4E, 0x00, 0x00, // AUX (63), 3 bytes "(N\0", padded to 4
            0x3B, 0x04, // N (1), 59 later: 77
            0x25, 0x15, // V (5), 293 later: 370
            0x00, 0xEC, 0x01, 0x00, 0xA0, 0x86, // SKIP (59) 100000 = 0x0001_86A0, high word first
            0x05, 0x20, // A (8), 5 later: 100375
            0x02, 0xF4, // SUB (61) 2 for A
            0x01, 0xF8, // CHN (62) 1 for A and what follows
            0x0A, 0x38, // ~ (14), 10 later: 100385
            0xFF, 0x8B, // e (34), 1023 later: 101408
            0x07, 0xF0, // NUM (60) 7 for e and what follows
            0x01, 0x98, // f (38), 1 later: 101409
            0x00, 0x00); // end

    @Test
    void positions_codes_and_modifiers_are_read_as_wfdb_counts_them() throws Exception {
        var annotations = read(ATR);

        assertThat(annotations)
                .extracting(
                        Annotation::sample,
                        Annotation::mnemonic,
                        Annotation::isBeat,
                        Annotation::subtype,
                        Annotation::channel,
                        Annotation::number,
                        Annotation::aux)
                .containsExactly(
                        tuple(18L, "+", false, 0, 0, 0, "(N"),
                        tuple(77L, "N", true, 0, 0, 0, ""),
                        tuple(370L, "V", true, 0, 0, 0, ""),
                        tuple(100_375L, "A", true, 2, 1, 0, ""),
                        tuple(100_385L, "~", false, 0, 1, 0, ""),
                        tuple(101_408L, "e", true, 0, 1, 7, ""),
                        tuple(101_409L, "f", true, 0, 1, 7, ""));
        assertThat(annotations).extracting(Annotation::code).containsExactly(28, 1, 5, 8, 14, 34, 38);
    }

    @Test
    void a_file_ending_without_the_end_word_keeps_its_annotations() throws Exception {
        var annotations = read(Arrays.copyOf(ATR, ATR.length - 2));

        assertThat(annotations).hasSize(7);
    }

    @Test
    void the_standard_table_names_beats_and_other_annotations() {
        var beats = List.of("N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "e", "n", "f");
        for (int i = 0; i < beats.size(); i++) {
            var code = new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 34, 35, 38}[i];
            assertThat(new Annotation(0, code, 0, 0, 0, "").mnemonic()).isEqualTo(beats.get(i));
            assertThat(new Annotation(0, code, 0, 0, 0, "").isBeat()).isTrue();
        }
        assertThat(new Annotation(0, 28, 0, 0, 0, "").isBeat()).isFalse();
        assertThat(new Annotation(0, 14, 0, 0, 0, "").isBeat()).isFalse();
        assertThat(new Annotation(0, 16, 0, 0, 0, "").mnemonic()).isEqualTo("|");
        assertThat(new Annotation(0, 16, 0, 0, 0, "").isBeat()).isFalse();
        assertThat(new Annotation(0, 15, 0, 0, 0, "").mnemonic()).isEqualTo("[15]");
    }

    @Test
    void a_truncated_skip_or_aux_is_refused_naming_the_file_and_byte() {
        assertThatThrownBy(() -> read(Arrays.copyOf(ATR, 16)))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("100.atr byte 16")
                .hasMessageContaining("SKIP interval");
        assertThatThrownBy(() -> read(Arrays.copyOf(ATR, 5)))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("100.atr byte 2")
                .hasMessageContaining("3-byte AUX text");
        assertThatThrownBy(() -> read(Arrays.copyOf(ATR, 9)))
                .hasMessageContaining("100.atr byte 8")
                .hasMessageContaining("16-bit word");
    }

    @Test
    void what_is_not_an_annotation_file_is_refused() {
        assertThatThrownBy(() -> read(bytes(0x12, 0xDC)))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("100.atr byte 0")
                .hasMessageContaining("type 55 is not defined");
        assertThatThrownBy(() -> read(bytes(0x02, 0xF4, 0x12, 0x04)))
                .hasMessageContaining("SUB modifier before any annotation");
        assertThatThrownBy(() -> read(bytes(0x00, 0xEC, 0xFF, 0xFF, 0x00, 0x00, 0x01, 0x04)))
                .as("a negative SKIP before the start")
                .hasMessageContaining("before the record starts");
    }

    @Test
    void more_annotations_than_allowed_are_refused() {
        assertThatThrownBy(() -> WfdbAnnotations.read("100.atr", new ByteArrayInputStream(ATR), 3))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("more than 3 annotations");
    }

    static List<Annotation> read(byte[] bytes) throws Exception {
        return WfdbAnnotations.read(
                "100.atr", new ByteArrayInputStream(bytes), WfdbAnnotations.DEFAULT_MAX_ANNOTATIONS);
    }
}
