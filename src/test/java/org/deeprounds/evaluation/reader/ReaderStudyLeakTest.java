package org.deeprounds.evaluation.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing a reader sees gives the answer away, for films, patient rows, DNA and ECG beats: ids are places in a shuffled order,
 * the order is not grouped by class, the second round is shuffled again, and no class name appears in a case.
 */
@IntegrationTest
@WithMockUser(username = "reader-leak-owner", roles = "TRAINEE")
class ReaderStudyLeakTest {

    @Autowired
    ReaderStudies studies;

    @Autowired
    org.deeprounds.accounts.AccountService accounts;

    /** An account of this class's own, so no other test counts its runs. */
    @org.junit.jupiter.api.BeforeEach
    void owner() {
        org.deeprounds.curriculum.TeachingFixtures.ownTrainee(accounts, "reader-leak-owner");
    }

    @Autowired
    ReaderStudyRepository repository;

    @Autowired
    RunService runs;

    @Autowired
    DatasetService datasets;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    JsonMapper json;

    @ParameterizedTest
    @CsvSource({
        "pneumoniamnist-balanced, imaging-cnn, imaging",
        "ecoli-promoters, genomics-cnn, genomics",
        "wdbc-breast-cancer, ehr-mlp, tabular",
        "synthetic-ecg-beats, signal-cnn, signal"
    })
    void a_case_shows_what_a_clinician_sees_and_nothing_of_its_label(String sample, String template, String modality)
            throws Exception {
        long dataset = datasets.sampleId(sample).orElseThrow();
        long run = runs.submit(dataset, template, new RunService.Overrides(1, null, null, 3L), null)
                .id();
        for (int i = 0; i < 1200 && !runs.get(run).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(run).status()).isEqualTo(RunStatus.COMPLETED);

        var study = studies.create(run, 10, 11);
        var stored = repository.findById(study.id()).orElseThrow();
        var unassisted = stored.order(Phase.UNASSISTED);
        for (int k = 0; k < unassisted.size(); k++) {
            assertThat(unassisted.get(k)).isEqualTo("case-" + (k + 1));
        }
        assertThat(stored.order(Phase.ASSISTED))
                .containsExactlyInAnyOrderElementsOf(unassisted)
                .isNotEqualTo(unassisted);

        var predictions = evaluations.predictions(run);
        var classes = datasets.get(dataset).classes();
        var truth = new ArrayList<String>();
        stored.testIndexByCase()
                .values()
                .forEach(i -> truth.add(predictions.get(i).trueLabel()));
        assertThat(truth).as("both classes among the cases").containsAll(classes);
        var grouped = new ArrayList<>(truth);
        grouped.sort(null);
        assertThat(truth).as("not grouped by class").isNotEqualTo(grouped);
        assertThat(truth).isNotEqualTo(grouped.reversed());

        for (var caseId : unassisted) {
            var seen = studies.caseView(study.id(), caseId, Phase.UNASSISTED);
            assertThat(seen.modality()).isEqualTo(modality);
            assertThat(seen.modelProbability()).isNull();
            var shown = json.readTree(json.writeValueAsString(seen));
            ((tools.jackson.databind.node.ObjectNode) shown).remove(java.util.List.of("classes", "positiveClass"));
            for (var label : classes) {
                assertThat(shown.toString()).as(caseId + " names no class").doesNotContain("\"" + label + "\"");
            }
            switch (modality) {
                case "imaging" -> {
                    var png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                            java.util.Base64.getDecoder().decode(seen.imagePng())));
                    assertThat(png.getWidth()).isEqualTo(seen.width()).isPositive();
                    assertThat(png.getHeight()).isEqualTo(seen.height());
                }
                case "genomics" -> assertThat(seen.sequence()).matches("[ACGTN]{20,}");
                case "signal" -> {
                    var summary = datasets.summary(dataset).signal();
                    assertThat(seen.signal()).hasDimensions(summary.channels(), summary.length());
                    assertThat(seen.leads()).isEqualTo(summary.leads());
                    assertThat(seen.samplingFrequency()).isEqualTo(360);
                    assertThat(seen.units()).isEqualTo("mV");
                    assertThat(seen.rPeak()).isEqualTo(summary.windowBefore());
                    var features = evaluations
                            .caseInputs(run)
                            .get(stored.testIndexByCase().get(caseId));
                    assertThat(seen.signal()[0])
                            .as("in millivolts: the standardisation undone")
                            .containsExactly(
                                    org.deeprounds.datasets.formats.CaseEncoder.signalValues(
                                            datasets.summary(dataset), features)[0],
                                    org.assertj.core.data.Offset.offset(1e-4f));
                }
                default -> assertThat(seen.values()).isNotEmpty().doesNotContainKey("case_id");
            }
        }
    }
}
