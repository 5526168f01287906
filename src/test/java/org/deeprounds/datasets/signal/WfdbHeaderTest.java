package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** WFDB headers as PhysioNet writes them, and the broken ones a user may bring, refused with file and line. */
class WfdbHeaderTest {

    /** Shaped like MIT-BIH's 100.hea, with comments before and after, a CRLF line and a description with spaces. */
    static final String HEADER = """
            # written by hand for the test
            100 2 360 650000 0:0:0
            100.dat 212 200(1024)/mV 11 1024 995 -22131 0 MLII\r
            100.dat\t212  0/uV 0 -7 5 20052 0 modified lead V5
            # 69 M 1085 1629 x1
            # Aldomet, Inderal
            """;

    @Test
    void the_record_line_and_every_signal_field_are_read() throws Exception {
        var header = WfdbHeader.parse("100.hea", HEADER);

        assertThat(header.recordName()).isEqualTo("100");
        assertThat(header.samplingFrequency()).isEqualTo(360);
        assertThat(header.samplesPerSignal()).isEqualTo(650_000);
        assertThat(header.comments())
                .containsExactly("written by hand for the test", "69 M 1085 1629 x1", "Aldomet, Inderal");
        assertThat(header.signals()).hasSize(2);

        var mlii = header.signals().get(0);
        assertThat(mlii.fileName()).isEqualTo("100.dat");
        assertThat(mlii.format()).isEqualTo(WfdbHeader.Format.F212);
        assertThat(mlii.gain()).isEqualTo(200);
        assertThat(mlii.baseline()).isEqualTo(1024);
        assertThat(mlii.units()).isEqualTo("mV");
        assertThat(mlii.adcResolution()).isEqualTo(11);
        assertThat(mlii.adcZero()).isEqualTo(1024);
        assertThat(mlii.initialValue()).isEqualTo(995);
        assertThat(mlii.checksum()).hasValue(-22131);
        assertThat(mlii.blockSize()).isZero();
        assertThat(mlii.description()).isEqualTo("MLII");
        assertThat(mlii.physical(1124)).isEqualTo(0.5);
    }

    @Test
    void gain_zero_becomes_200_and_the_baseline_defaults_to_the_adc_zero() throws Exception {
        var v5 = WfdbHeader.parse("100.hea", HEADER).signals().get(1);

        assertThat(v5.gain()).isEqualTo(WfdbHeader.DEFAULT_GAIN);
        assertThat(v5.adcZero()).isEqualTo(-7);
        assertThat(v5.baseline()).isEqualTo(-7);
        assertThat(v5.units()).isEqualTo("uV");
        assertThat(v5.adcResolution()).as("0 means the format's own 12 bits").isEqualTo(12);
        assertThat(v5.initialValue()).isEqualTo(5);
        assertThat(v5.description()).isEqualTo("modified lead V5");
        assertThat(v5.physical(193)).isEqualTo(1.0);
    }

    @Test
    void fields_left_out_take_the_wfdb_defaults() throws Exception {
        var header = WfdbHeader.parse("r.hea", "r 1\nr.dat 16\n");
        var signal = header.signals().getFirst();

        assertThat(header.samplingFrequency()).isEqualTo(WfdbHeader.DEFAULT_FREQUENCY);
        assertThat(header.samplesPerSignal()).isZero();
        assertThat(signal.gain()).isEqualTo(200);
        assertThat(signal.baseline()).isZero();
        assertThat(signal.units()).isEqualTo("mV");
        assertThat(signal.adcResolution()).isEqualTo(16);
        assertThat(signal.checksum()).isEmpty();
        assertThat(signal.description()).isEqualTo("record r, signal 0");
        assertThat(signal.physical(WfdbHeader.Format.F16.invalidValue())).isNaN();
    }

    @Test
    void a_counter_frequency_and_a_byte_offset_are_understood() throws Exception {
        var header = WfdbHeader.parse("r.hea", "r 1 500/2000(0) 10\nr.dat 16+24 1000.5(-3)/mmHg 16 0 0 0 0 ABP\n");

        assertThat(header.samplingFrequency()).isEqualTo(500);
        assertThat(header.signals().getFirst().byteOffset()).isEqualTo(24);
        assertThat(header.signals().getFirst().gain()).isEqualTo(1000.5);
        assertThat(header.signals().getFirst().baseline()).isEqualTo(-3);
        assertThat(header.signals().getFirst().units()).isEqualTo("mmHg");
    }

    @Test
    void an_unsupported_format_is_refused_naming_file_line_and_format() {
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 2 360\nx.dat 212\n\nx.dat 80 200 11 1024\n"))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("x.hea line 4")
                .hasMessageContaining("signal 1")
                .hasMessageContaining("format 80 is not supported")
                .hasMessageContaining("16 and 212");
    }

    @Test
    void lines_with_too_few_fields_are_refused_naming_the_line() {
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "# comment\nx\n"))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("x.hea line 2")
                .hasMessageContaining("number of signals");
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 1 360\nx.dat\n"))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("x.hea line 2")
                .hasMessageContaining("file name and a format");
    }

    @Test
    void missing_extra_and_malformed_lines_are_refused_with_what_is_wrong() {
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 2 360\nx.dat 212\n"))
                .hasMessageContaining("x.hea")
                .hasMessageContaining("declares 2 signal(s), but only 1");
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 1 360\nx.dat 212\ny.dat 212\n"))
                .hasMessageContaining("x.hea line 3")
                .hasMessageContaining("one line more");
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 1 abc\nx.dat 212\n"))
                .hasMessageContaining("x.hea line 1")
                .hasMessageContaining("sampling frequency 'abc'");
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 1 360\nx.dat 212 200(a)/mV\n"))
                .hasMessageContaining("x.hea line 2")
                .hasMessageContaining("baseline 'a'");
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 1 360\nx.dat 212x2\n"))
                .hasMessageContaining("x.hea line 2")
                .hasMessageContaining("samples per frame");
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x/3 2 360\n")).hasMessageContaining("multi-segment");
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 2 360\nx.dat 212\nx.dat 16\n"))
                .hasMessageContaining("x.hea line 3")
                .hasMessageContaining("same file x.dat");
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "# only a comment\n"))
                .hasMessageContaining("no record line");
    }

    @Test
    void a_data_file_outside_the_records_folder_is_refused() {
        assertThatThrownBy(() -> WfdbHeader.parse("x.hea", "x 1 360\n../../etc/passwd 16\n"))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("x.hea line 2")
                .hasMessageContaining("plain file name");
    }

    @Test
    void a_file_far_larger_than_a_header_is_refused_unread() {
        var big = new byte[WfdbHeader.MAX_BYTES + 1];
        assertThatThrownBy(() -> WfdbHeader.read("100.hea", new ByteArrayInputStream(big)))
                .isInstanceOf(SignalFormatException.class)
                .hasMessageContaining("100.hea")
                .hasMessageContaining("a few lines");
    }
}
