package org.deeprounds.evaluation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.evaluation.Evaluation;
import org.deeprounds.evaluation.Prediction;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** A three-class run: per-class metrics, and a confusion-matrix cell that opens exactly its own cases. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class EvaluationViewTest extends SpringBrowserlessTest {

    @Autowired
    org.deeprounds.evaluation.ThresholdLocks locks;

    @Autowired
    DatasetService datasets;

    @Autowired
    RunService runs;

    @Test
    void a_confusion_matrix_cell_lists_the_cases_it_counts() throws Exception {
        var csv = new StringBuilder("x,y,grade\n");
        var random = new Random(3);
        for (int i = 0; i < 600; i++) {
            int grade = i % 3;
            // Overlapping clouds, so some cases land in off-diagonal cells.
            csv.append(String.format(
                    java.util.Locale.ROOT,
                    "%.3f,%.3f,%s%n",
                    grade + 1.2 * random.nextGaussian(),
                    grade - 1.2 * random.nextGaussian(),
                    List.of("low", "mid", "high").get(grade)));
        }
        var dataset = datasets.importUpload(
                new DatasetService.ImportRequest(
                        "Three grades", null, "grade", null, List.of(), null, List.of(), null, "CC0 1.0", null),
                new DatasetService.Upload(
                        "grades.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))),
                null);
        long run = runs.submit(dataset.id(), "ehr-mlp", new RunService.Overrides(5, 0.01, null, 2L), null)
                .id();
        for (int i = 0; i < 600 && !runs.get(run).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(run).status()).isEqualTo(RunStatus.COMPLETED);

        navigate(EvaluationView.class, run);

        @SuppressWarnings("unchecked")
        Grid<Evaluation.PerClass> perClass = $(Grid.class).id("per-class");
        assertThat(test(perClass).size()).isEqualTo(3);
        var cells = $(Button.class).from($(Div.class).id("confusion")).all();
        assertThat(cells).as("some cases are confused").isNotEmpty();
        var cell = cells.getFirst();
        long count = Long.parseLong(cell.getText());
        test(cell).click();

        @SuppressWarnings("unchecked")
        Grid<Prediction> wrong = $(Grid.class).id("misclassified");
        var listed = test(wrong);
        assertThat((long) listed.size()).isEqualTo(count);
        var title = cell.getElement().getAttribute("title");
        for (int i = 0; i < listed.size(); i++) {
            assertThat(title).contains("'" + listed.getRow(i).trueLabel() + "' called");
        }
    }

    @Test
    void misclassified_images_are_listed_with_thumbnails() throws Exception {
        var films = datasets.list().stream()
                .filter(d -> d.modality() == org.deeprounds.datasets.model.Modality.IMAGING && d.synthetic())
                .findFirst()
                .orElseThrow();
        long run = runs.submit(films.id(), "imaging-cnn", new RunService.Overrides(1, null, null, 6L), null)
                .id();
        for (int i = 0; i < 600 && !runs.get(run).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(run).status()).isEqualTo(RunStatus.COMPLETED);

        // Before a lock the page shows the validation split only: no test case is listed.
        navigate(EvaluationView.class, run);
        assertThat($(Grid.class).withId("misclassified").exists()).isFalse();
        locks.lock(run, 0.5, null);
        navigate(EvaluationView.class, run);

        @SuppressWarnings("unchecked")
        Grid<Prediction> wrong = $(Grid.class).id("misclassified");
        assertThat(test(wrong).size()).as("one epoch leaves mistakes").isPositive();
        assertThat(wrong.getColumns().getFirst().getKey()).isEqualTo("preview");
        var thumbnail = (com.vaadin.flow.component.html.Image) test(wrong).getCellComponent(0, 0);
        assertThat(thumbnail.getSrc()).startsWith("data:image/png;base64,");
        assertThat(thumbnail.getAlt())
                .contains("test case " + test(wrong).getRow(0).caseId());
    }

    @Test
    void a_signal_run_tries_beats_of_the_real_recording_and_explains_them_over_time() throws Exception {
        long ecg = datasets.sampleId("synthetic-ecg-beats").orElseThrow();
        long run = runs.submit(ecg, "signal-cnn", new RunService.Overrides(2, null, null, 5L), null)
                .id();
        for (int i = 0; i < 1200 && !runs.get(run).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(run).status()).isEqualTo(RunStatus.COMPLETED);
        locks.lock(run, 0.5, null);
        navigate(EvaluationView.class, run);

        var recording = $(Div.class).id("recording-beats").getElement().getTextRecursively();
        assertThat(recording)
                .contains("Beats from a real recording", "MIT-BIH Arrhythmia Database record 208")
                .contains("Unannotated", "no accuracy", "Licence: Open Data Commons", "Citation: Moody GB");
        var beat = $(com.vaadin.flow.component.textfield.IntegerField.class).id("beat-number");
        int first = beat.getValue();
        assertThat(stripCaption()).startsWith("Beat " + first + " of ");
        assertThat($(Div.class).id("try-result").getChildren())
                .as("explained only when asked")
                .isEmpty();

        test($(Button.class).id("try-go")).click();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class)
                        .id("try-error")
                        .getText())
                .isEmpty();
        var explained = $(Div.class).id("try-result").getElement().getTextRecursively();
        assertThat(explained).contains("Beat " + first + " of the recording", "unannotated", "normal", "pvc", "%");
        var overTime = $(org.deeprounds.base.ui.SignalTrace.class).id("over-time");
        assertThat(overTime.getElement().getAttribute("aria-label")).contains("saliency shaded", "1 R peak");

        test($(Button.class).id("beat-next")).click();
        assertThat(beat.getValue()).isEqualTo(first + 1);
        assertThat(stripCaption()).startsWith("Beat " + (first + 1) + " of ");
        assertThat($(Div.class).id("try-result").getElement().getTextRecursively())
                .as("each beat moved to is explained")
                .contains("Beat " + (first + 1) + " of the recording");

        // A pasted signal of the wrong length is refused in words.
        $(com.vaadin.flow.component.details.Details.class).id("try-signal-form").setOpened(true);
        $(com.vaadin.flow.component.textfield.TextArea.class).id("try-signal").setValue("0.1, 0.2, x");
        test($(Button.class).id("try-signal-go")).click();
        assertThat($(com.vaadin.flow.component.textfield.TextArea.class)
                        .id("try-signal")
                        .getErrorMessage())
                .isEqualTo("Line 1, value 3: 'x' is not a number.");
        $(com.vaadin.flow.component.textfield.TextArea.class).id("try-signal").setValue("0.1, 0.2, 0.3");
        test($(Button.class).id("try-signal-go")).click();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class)
                        .id("try-error")
                        .getText())
                .contains("has 3 samples; this model reads exactly");

        @SuppressWarnings("unchecked")
        Grid<Prediction> wrong = $(Grid.class).id("misclassified");
        if (test(wrong).size() > 0) {
            assertThat(wrong.getColumns().getFirst().getKey()).isEqualTo("preview");
            assertThat(test(wrong).getCellComponent(0, 0)).isInstanceOf(com.vaadin.flow.component.Svg.class);
        }
    }

    private String stripCaption() {
        return $(org.deeprounds.base.ui.SignalTrace.class)
                .id("beat-strip-trace")
                .getElement()
                .getAttribute("aria-label");
    }
}
