package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprounds.datasets.io.NpyArray;
import org.deeprounds.datasets.io.SafeZip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped excerpt of MIT-BIH record 208 loads from the classpath and equals SciPy's copy it was made from. */
class ShippedRecordingTest {

    @Test
    void loads_five_minutes_of_lead_mlii_at_360_hz_with_a_matching_checksum() throws Exception {
        var signals = ShippedRecording.load();

        var header = signals.header();
        assertThat(header.recordName()).isEqualTo(ShippedRecording.RECORD);
        assertThat(header.samplingFrequency()).isEqualTo(ShippedRecording.SAMPLING_FREQUENCY);
        assertThat(signals.signalCount()).isOne();
        assertThat(signals.length()).isEqualTo(ShippedRecording.SAMPLES).isEqualTo(108_000);
        var lead = header.signals().getFirst();
        assertThat(lead.description()).isEqualTo(ShippedRecording.LEAD);
        assertThat(lead.format()).isEqualTo(WfdbHeader.Format.F212);
        assertThat(lead.gain()).isEqualTo(200);
        assertThat(lead.baseline()).isEqualTo(1024);
        assertThat(signals.checksumMatches(0)).isTrue();
        assertThat(header.comments()).anyMatch(c -> c.contains("No beat annotations"));
        assertThat(ShippedRecording.CITATION).contains("Moody GB, Mark RG", "Goldberger AL");
        assertThat(ShippedRecording.LICENCE).contains("Open Data Commons Attribution License v1.0");
        assertThat(ShippedRecording.PROVENANCE).contains("record 208", "no beat annotations");
    }

    @Test
    void every_sample_equals_scipys_ecg_dat() throws Exception {
        Assumptions.assumeTrue(
                java.nio.file.Files.isRegularFile(ScipyEcgSampleTest.ECG), "python3-scipy's ecg.dat is not installed");
        var signals = ShippedRecording.load();

        var scipy = new float[ScipyEcgSampleTest.SAMPLES];
        try (var zip = SafeZip.open(ScipyEcgSampleTest.ECG, "ecg.dat", 16L * 1024 * 1024)) {
            var entry = zip.entries().stream()
                    .filter(e -> e.getName().equals("ecg.npy"))
                    .findFirst()
                    .orElseThrow();
            try (var in = zip.open(entry)) {
                NpyArray.open("ecg.npy", in).readFloats(scipy);
            }
        }

        assertThat(signals.length()).isEqualTo(scipy.length);
        var physical = signals.physical(0);
        for (int i = 0; i < scipy.length; i++) {
            assertThat(signals.digital(0, i)).as("sample %d", i).isEqualTo((int) scipy[i]);
            assertThat(physical[i]).as("sample %d in mV", i).isEqualTo((scipy[i] - 1024) / 200);
        }
    }
}
