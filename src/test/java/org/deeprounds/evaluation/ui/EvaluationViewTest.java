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
                .filter(d -> d.modality() == org.deeprounds.datasets.Modality.IMAGING && d.synthetic())
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
}
