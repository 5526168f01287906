package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deeprounds.datasets.signal.WfdbAnnotations.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector scored against synthetic records' annotations, then counted on the shipped real recording. */
class RPeaksTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RPeaksTest.class);

    /** A detection counts if it is this close to an annotated beat (the usual beat-matching window). */
    static final double TOLERANCE_S = 0.05;

    @TempDir
    Path folder;

    @Test
    void finds_synthetic_normal_beats_and_wide_pvcs_with_sensitivity_and_ppv_of_at_least_98_percent() throws Exception {
        var zip = folder.resolve("clinic.zip");
        try (var out = Files.newOutputStream(zip)) {
            SyntheticBeats.writeClinicZip(out, 12, 60, SyntheticBeatsTest.SEED);
        }
        int truths = 0;
        int pvcs = 0;
        int found = 0;
        int foundPvcs = 0;
        int detections = 0;
        int correct = 0;
        for (var record : SyntheticBeatsTest.readClinicZip(zip)) {
            var peaks = RPeaks.detect(record.signals().physical(0), SyntheticBeats.CLINIC_FREQUENCY);
            int tolerance = (int) Math.round(TOLERANCE_S * SyntheticBeats.CLINIC_FREQUENCY);
            detections += peaks.length;
            for (int peak : peaks) {
                if (record.annotations().stream().anyMatch(a -> Math.abs(a.sample() - peak) <= tolerance)) {
                    correct++;
                }
            }
            for (Annotation beat : record.annotations()) {
                boolean hit = false;
                for (int peak : peaks) {
                    hit |= Math.abs(beat.sample() - peak) <= tolerance;
                }
                truths++;
                found += hit ? 1 : 0;
                if (beat.mnemonic().equals("V")) {
                    pvcs++;
                    foundPvcs += hit ? 1 : 0;
                }
            }
        }
        double sensitivity = (double) found / truths;
        double ppv = (double) correct / detections;
        log.info(String.format(
                java.util.Locale.ROOT,
                "R peaks on synthetic records: %d beats (%d PVCs), %d detections; sensitivity %.4f (PVCs %.4f), PPV"
                        + " %.4f",
                truths,
                pvcs,
                detections,
                sensitivity,
                (double) foundPvcs / pvcs,
                ppv));

        assertThat(sensitivity).isGreaterThanOrEqualTo(0.98);
        assertThat(ppv).isGreaterThanOrEqualTo(0.98);
        assertThat((double) foundPvcs / pvcs).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void counts_a_plausible_number_of_beats_in_five_minutes_of_mit_bih_record_208() throws Exception {
        var signals = ShippedRecording.load();

        var peaks = RPeaks.detect(signals.physical(0), signals.header().samplingFrequency());

        // The full 30-minute record holds 2,955 annotated beats, so about 490 in any 5 of its minutes.
        log.info("R peaks in 5 minutes of MIT-BIH 208: " + peaks.length);
        assertThat(peaks.length).isBetween(450, 520);
        for (int i = 1; i < peaks.length; i++) {
            assertThat(peaks[i] - peaks[i - 1]).isGreaterThanOrEqualTo((int) (RPeaks.REFRACTORY_S * 360));
        }
    }

    @Test
    void flat_short_or_gapped_signals_give_no_beats_rather_than_failing() {
        assertThat(RPeaks.detect(new float[0], 360)).isEmpty();
        assertThat(RPeaks.detect(new float[10], 360)).isEmpty();
        assertThat(RPeaks.detect(new float[3600], 360)).isEmpty();
        var gapped = new float[3600];
        java.util.Arrays.fill(gapped, Float.NaN);
        assertThat(RPeaks.detect(gapped, 360)).isEmpty();
    }

    @Test
    void refusals_name_what_is_wrong() {
        assertThatThrownBy(() -> RPeaks.detect(null, 360)).hasMessageContaining("no signal");
        assertThatThrownBy(() -> RPeaks.detect(new float[10], 0)).hasMessageContaining("sampling frequency 0.0");
        assertThatThrownBy(() -> RPeaks.detect(new float[10], Double.NaN))
                .hasMessageContaining("sampling frequency NaN");
    }
}
