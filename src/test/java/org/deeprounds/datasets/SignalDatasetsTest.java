package org.deeprounds.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.ModalityData;
import org.deeprounds.datasets.signal.SyntheticBeats;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * ECG, the fourth kind of data, end to end through the product: PhysioNet records and signal npz files imported and
 * split by record, a {@code signal-cnn} trained on the beats, and cases explained over time, including beats of the
 * real recording shipped with DeepRounds.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class SignalDatasetsTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    RunService runs;

    @Autowired
    EvaluationService evaluations;

    @Test
    void shipped_ecg_beats_are_cut_from_annotated_records_and_split_by_record() {
        var id = datasets.sampleId(SampleLibrary.ECG_BEATS).orElseThrow();
        var summary = datasets.summary(id);
        var signal = summary.signal();

        assertThat(summary.modality()).isEqualTo(Modality.SIGNAL);
        assertThat(summary.data()).isInstanceOf(ModalityData.Signals.class);
        assertThat(summary.classes()).containsExactly("normal", "pvc");
        assertThat(summary.positiveClass()).isEqualTo("pvc");
        assertThat(signal.samplingFrequency()).isEqualTo(360);
        assertThat(signal.length()).isEqualTo(252);
        assertThat(signal.windowBefore()).isEqualTo(90);
        assertThat(signal.classCodes()).containsEntry("normal", List.of("N")).containsEntry("pvc", List.of("V"));
        var records = new ArrayList<String>();
        signal.recordsBySplit().values().forEach(records::addAll);
        assertThat(records).hasSize(SyntheticBeats.CLINIC_RECORDS).doesNotHaveDuplicates();
        assertThat(signal.recordsBySplit().get("test")).isNotEmpty();
        assertThat(summary.splitPlan().source()).isEqualTo("GROUPED");
        assertThat(summary.splits().get("test").classCounts().get("pvc")).isPositive();
        assertThat(signal.previews()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.values()[0]).hasSize(252);
            assertThat(p.rPeaks()).containsExactly(90);
        });
        assertThat(datasets.get(id).synthetic()).isTrue();
    }

    @Test
    void watch_beats_keep_the_file_s_splits_and_find_where_the_r_peak_sits() {
        var summary =
                datasets.summary(datasets.sampleId(SampleLibrary.WATCH_BEATS).orElseThrow());
        var signal = summary.signal();

        assertThat(signal.samplingFrequency()).isEqualTo(SyntheticBeats.WATCH_FREQUENCY);
        assertThat(signal.length()).isEqualTo(SyntheticBeats.WATCH_LENGTH);
        assertThat(signal.windowBefore())
                .as("the R peak 0.25 s into each beat")
                .isBetween(SyntheticBeats.WATCH_WINDOW.before() - 4, SyntheticBeats.WATCH_WINDOW.before() + 4);
        assertThat(summary.splitPlan().source()).isEqualTo("FILE");
        assertThat(signal.trainStd().getFirst()).isPositive();
    }

    @Test
    void a_signal_cnn_learns_pvcs_and_explains_a_beat_over_time() throws Exception {
        var id = datasets.sampleId(SampleLibrary.ECG_BEATS).orElseThrow();
        long run = train(id, "signal-cnn", 6);

        var evaluation = evaluations.evaluateValidation(run, 0.5);
        assertThat(evaluation.auc().value()).as("validation AUC").isGreaterThan(0.95);

        var pvc = evaluations.predictions(run).stream()
                .filter(p -> p.trueLabel().equals("pvc"))
                .findFirst()
                .orElseThrow();
        var explained = evaluations.explain(run, pvc.caseId());
        var overTime = explained.overTime();
        assertThat(overTime.values()[0]).hasSize(252);
        assertThat(overTime.saliency()).hasSize(252);
        assertThat(Arrays.stream(overTime.saliency()).max().orElseThrow()).isEqualTo(1.0);
        assertThat(overTime.rPeak()).isEqualTo(90);
        assertThat(overTime.leads()).containsExactly("MLII");
        assertThat(explained.sequence()).as("not read as DNA").isNull();

        var real = evaluations.tryCase(run, new EvaluationService.CaseInput(null, null, null, null, 12));
        assertThat(real.probabilities().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(real.overTime().values()[0]).hasSize(252);

        assertThatThrownBy(() -> evaluations.tryCase(run, new EvaluationService.CaseInput(null, null, null, null, 0)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("beat 0 does not exist");
        assertThatThrownBy(() -> evaluations.tryCase(
                        run, new EvaluationService.CaseInput(null, null, null, List.of(List.of(0.1, 0.2, 0.3)), null)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("lead 1 has 3 samples; this model reads exactly 252");
    }

    @Test
    void bad_signal_uploads_are_refused_by_name_and_nothing_is_stored() throws Exception {
        int before = datasets.list().size();
        var zip = SyntheticZip.clinic(3);

        assertThatThrownBy(() -> importSignals("no-atr.zip", SyntheticZip.without(zip, ".atr"), List.of(), null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("rec01")
                .hasMessageContaining(".atr");
        assertThatThrownBy(() -> importSignals("codes.zip", zip, List.of("normal=N", "pvc=Q9"), null))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("classNames")
                .hasMessageContaining("Q9");
        assertThatThrownBy(() -> importSignals(
                        "images.npz", SyntheticZip.without(watchNpz(), "train_signals"), List.of(), 250.0))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("train_signals");
        assertThatThrownBy(() -> importSignals("rate.npz", watchNpz(), List.of(), -5.0))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("samplingFrequency -5.0");
        assertThat(datasets.list()).hasSize(before);

        var imported = importSignals("three.zip", zip, List.of("N", "V"), null);
        assertThat(imported.classes()).containsExactly("N", "V");
    }

    private DatasetInfo importSignals(String fileName, byte[] bytes, List<String> classNames, Double hertz) {
        var request = new DatasetService.ImportRequest(
                        "signals " + fileName,
                        Modality.SIGNAL,
                        null,
                        null,
                        List.of(),
                        null,
                        classNames,
                        null,
                        null,
                        null)
                .withSamplingFrequency(hertz);
        return datasets.importUpload(
                request, new DatasetService.Upload(fileName, new ByteArrayInputStream(bytes)), null);
    }

    private static byte[] watchNpz() throws IOException {
        var out = new ByteArrayOutputStream();
        SyntheticBeats.writeWatchNpz(out, 3, 2, 2, 20, 7);
        return out.toByteArray();
    }

    /** Small zips built in the test, and the same zip with some entries left out. */
    private static final class SyntheticZip {
        static byte[] clinic(int records) throws IOException {
            var out = new ByteArrayOutputStream();
            SyntheticBeats.writeClinicZip(out, records, 30, 11);
            return out.toByteArray();
        }

        static byte[] without(byte[] zip, String nameContains) throws IOException {
            var out = new ByteArrayOutputStream();
            var seen = new HashSet<String>();
            try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
                    var copy = new ZipOutputStream(out)) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (entry.getName().contains(nameContains) || !seen.add(entry.getName())) {
                        continue;
                    }
                    copy.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    in.transferTo(copy);
                    copy.closeEntry();
                }
            }
            return out.toByteArray();
        }
    }

    private long train(long dataset, String template, int epochs) throws InterruptedException {
        long id = runs.submit(dataset, template, new RunService.Overrides(epochs, null, null, 1L), null)
                .id();
        for (int i = 0; i < 2400 && !runs.get(id).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(id).status()).as(runs.get(id).message()).isEqualTo(RunStatus.COMPLETED);
        return id;
    }
}
