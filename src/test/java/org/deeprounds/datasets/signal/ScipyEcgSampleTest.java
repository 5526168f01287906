package org.deeprounds.datasets.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deeprounds.datasets.io.NpyArray;
import org.deeprounds.datasets.io.SafeZip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SciPy's {@code electrocardiogram()} sample: 5 minutes of MIT-BIH record 208 (lead MLII) at 360 Hz, stored as a
 * NumPy npz ({@code ecg.npy}, uint16, mV = (x - 1024) / 200). Reading it with our own npz readers shows it could be
 * shipped as a real ECG sample. Runs where Debian's python3-scipy is installed; skipped elsewhere.
 */
class ScipyEcgSampleTest {

    static final Path ECG = Path.of("/usr/lib/python3/dist-packages/scipy/misc/ecg.dat");

    static final int SAMPLES = 5 * 60 * 360;

    @Test
    void scipys_mit_bih_excerpt_reads_as_five_minutes_of_plausible_millivolts() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(ECG), "python3-scipy's ecg.dat is not installed");

        float[] millivolts;
        try (var zip = SafeZip.open(ECG, "ecg.dat", 16L * 1024 * 1024)) {
            var entry = zip.entries().stream()
                    .filter(e -> e.getName().equals("ecg.npy"))
                    .findFirst()
                    .orElseThrow();
            try (var in = zip.open(entry)) {
                var array = NpyArray.open("ecg.npy", in);
                assertThat(array.dtype()).isEqualTo("uint16");
                assertThat(array.shape()).containsExactly(SAMPLES);
                zip.checkDeclared(entry, array.dataBytes(), "ecg.npy");
                millivolts = new float[SAMPLES];
                array.readFloats(millivolts);
            }
        }
        double sum = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < SAMPLES; i++) {
            millivolts[i] = (millivolts[i] - 1024) / 200;
            sum += millivolts[i];
            min = Math.min(min, millivolts[i]);
            max = Math.max(max, millivolts[i]);
        }
        double mean = sum / SAMPLES;
        double squares = 0;
        for (float v : millivolts) {
            squares += (v - mean) * (v - mean);
        }
        double spread = Math.sqrt(squares / SAMPLES);

        // An ECG lead: centred near 0 mV, R waves of 1-4 mV either way, nothing like the ±5 mV of a saturated ADC.
        assertThat(mean).isBetween(-0.5, 0.5);
        assertThat(spread).isBetween(0.2, 1.5);
        assertThat(min).isBetween(-5f, -1f);
        assertThat(max).isBetween(1f, 5f);
    }
}
