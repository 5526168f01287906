package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.samples.SyntheticPromoters;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Explanations are computed from the trained model on real test cases, and show what they claim to show. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class ExplanationsTest {

    @Autowired
    RunService runs;

    @Autowired
    DatasetService datasets;

    @Autowired
    EvaluationService evaluations;

    @Test
    void an_image_gets_saliency_and_occlusion_maps_of_its_own_shape() throws Exception {
        long run = train(dataset(Modality.IMAGING), "imaging-cnn", 3);

        var e = evaluations.explain(run, "test-1");

        assertThat(e.saliency()).hasDimensions(28, 28);
        assertThat(e.occlusion()).hasDimensions(28, 28);
        assertThat(e.image()).hasSize(28 * 28);
        var saliency =
                Arrays.stream(e.saliency()).flatMapToDouble(Arrays::stream).toArray();
        assertThat(Arrays.stream(saliency).max().orElseThrow()).isEqualTo(1.0);
        assertThat(Arrays.stream(saliency).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        assertThat(e.explainedClass())
                .isIn(datasets.get(dataset(Modality.IMAGING).id()).classes());
        assertThatThrownBy(() -> evaluations.explain(run, "test-0"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("cases are test-1 to test-");
        assertThatThrownBy(() -> evaluations.featureImportance(run)).hasMessageContaining("patient tables");
    }

    @Test
    void mutagenesis_finds_the_planted_promoter_box() throws Exception {
        var dataset = syntheticPromoters();
        long run = train(dataset, "genomics-cnn", 30);
        var predictions = evaluations.predictions(run);
        // A promoter the model calls a promoter with confidence.
        var promoterCase = predictions.stream()
                .filter(p ->
                        p.trueLabel().equals("promoter") && p.probabilities().get("promoter") > 0.9)
                .findFirst()
                .orElseThrow();

        var e = evaluations.explain(run, promoterCase.caseId());

        var sequence = e.sequence();
        assertThat(e.positionImportance()).hasSize(sequence.length());
        int top = IntStream.range(0, sequence.length())
                .boxed()
                .max(Comparator.comparingDouble(i -> e.positionImportance()[i]))
                .orElseThrow();
        int box10 = bestMatch(sequence, "TATAAT");
        int box35 = bestMatch(sequence, "TTGACA");
        assertThat(Math.min(Math.abs(top - (box10 + 3)), Math.abs(top - (box35 + 3))))
                .as(
                        "the most important position (%d) lies in the -10 box at %d or the -35 box at %d of %s",
                        top, box10, box35, sequence)
                .isLessThanOrEqualTo(5);
    }

    @Test
    void a_patient_table_gets_permutation_importance_and_per_patient_contributions() throws Exception {
        long run = train(dataset(Modality.EHR), "ehr-mlp", 10);

        var importance = evaluations.featureImportance(run);
        var contributions = evaluations.explain(run, "test-3").contributions();

        assertThat(importance).hasSize(30);
        assertThat(importance.getFirst().drop())
                .isGreaterThanOrEqualTo(importance.getLast().drop());
        assertThat(importance.getFirst().drop()).as("some column matters").isPositive();
        assertThat(contributions).hasSize(30);
        assertThat(Math.abs(contributions.getFirst().effect()))
                .isGreaterThanOrEqualTo(Math.abs(contributions.getLast().effect()));
        assertThat(evaluations.featureImportance(run))
                .as("computed once, read back")
                .isEqualTo(importance);
    }

    @Test
    void a_user_can_try_their_own_image_sequence_or_patient_and_bad_input_is_named() throws Exception {
        long imaging = train(dataset(Modality.IMAGING), "imaging-cnn", 2);
        var picture = new java.awt.image.BufferedImage(50, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", out);
        var png = java.util.Base64.getEncoder().encodeToString(out.toByteArray());
        var image = evaluations.tryCase(imaging, new EvaluationService.CaseInput(null, null, png));
        assertThat(image.caseId()).isEqualTo("your case");
        assertThat(image.occlusion()).hasDimensions(28, 28);
        assertThat(image.probabilities().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThatThrownBy(() ->
                        evaluations.tryCase(imaging, new EvaluationService.CaseInput(null, null, "bm90IGFuIGltYWdl")))
                .hasMessage("The file is not a readable PNG or JPEG image.");
        assertThatThrownBy(() -> evaluations.tryCase(imaging, new EvaluationService.CaseInput(null, null, "%%%")))
                .hasMessage("imageBase64 is not valid base64.");

        long genomics = train(dataset(Modality.GENOMICS), "genomics-cnn", 3);
        var sequence = evaluations.tryCase(genomics, new EvaluationService.CaseInput("acgt tataat\nGGCC", null, null));
        assertThat(sequence.sequence()).startsWith("ACGTTATAATGGCC").hasSize(57);
        assertThat(sequence.positionImportance()).hasSize(57);
        assertThatThrownBy(() -> evaluations.tryCase(genomics, new EvaluationService.CaseInput("ACGTXA", null, null)))
                .hasMessage("Position 5: 'X' is not a base (A, C, G, T, or an IUPAC code such as N).");
        assertThatThrownBy(() ->
                        evaluations.tryCase(genomics, new EvaluationService.CaseInput("A".repeat(58), null, null)))
                .hasMessageContaining("has 58 bases; this model reads 57");

        long ehr = train(dataset(Modality.EHR), "ehr-mlp", 3);
        var patient = evaluations.tryCase(
                ehr, new EvaluationService.CaseInput(null, java.util.Map.of("mean_radius", "17.9"), null));
        assertThat(patient.contributions()).hasSize(30);
        assertThatThrownBy(() -> evaluations.tryCase(
                        ehr,
                        new EvaluationService.CaseInput(
                                null, java.util.Map.of("mean_radius", "big", "shoe_size", "42"), null)))
                .hasMessage("Unknown column 'shoe_size'. Column 'mean_radius': 'big' is not a number.");
    }

    /** Start of the window with the fewest mismatches against {@code motif}. */
    private static int bestMatch(String sequence, String motif) {
        int best = 0;
        int fewest = Integer.MAX_VALUE;
        for (int at = 0; at + motif.length() <= sequence.length(); at++) {
            int mismatches = 0;
            for (int k = 0; k < motif.length(); k++) {
                if (sequence.charAt(at + k) != motif.charAt(k)) {
                    mismatches++;
                }
            }
            if (mismatches < fewest) {
                fewest = mismatches;
                best = at;
            }
        }
        return best;
    }

    /** The shipped real sample of this modality, by its key: other tests import shared sets of their own. */
    private DatasetInfo dataset(Modality modality) {
        var key = switch (modality) {
            case IMAGING -> "pneumoniamnist-balanced";
            case GENOMICS -> "ecoli-promoters";
            default -> "wdbc-breast-cancer";
        };
        return datasets.get(datasets.sampleId(key).orElseThrow());
    }

    /** Promoters with a planted box, so the test knows where the answer lies. */
    private DatasetInfo syntheticPromoters() throws IOException {
        var fasta = new StringWriter();
        SyntheticPromoters.writeFasta(fasta, 600, 20260101L);
        var request = new DatasetService.ImportRequest(
                "SYNTHETIC promoters",
                Modality.GENOMICS,
                null,
                null,
                List.of(),
                "promoter",
                List.of(),
                null,
                null,
                null);
        return datasets.importUpload(
                request,
                new DatasetService.Upload(
                        "promoters.fasta",
                        new ByteArrayInputStream(fasta.toString().getBytes(StandardCharsets.US_ASCII))),
                null);
    }

    private long train(DatasetInfo dataset, String template, int epochs) throws InterruptedException {
        long id = runs.submit(dataset.id(), template, new RunService.Overrides(epochs, null, null, 1L), null)
                .id();
        for (int i = 0; i < 1200 && !runs.get(id).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(id).status()).as(runs.get(id).message()).isEqualTo(RunStatus.COMPLETED);
        return id;
    }
}
