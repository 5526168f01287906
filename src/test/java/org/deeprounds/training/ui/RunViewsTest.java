package org.deeprounds.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.QueryParameters;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.deeprounds.training.SpecDiff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Two runs compared side by side, picked on the Runs page where each is named by its design and dataset; another
 * trainee's run cannot be pulled in.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class RunViewsTest extends SpringBrowserlessTest {

    @Autowired
    RunService runs;

    @Autowired
    DatasetService datasets;

    @Test
    void two_runs_picked_on_the_runs_page_are_compared_by_design_and_curves() throws Exception {
        long dataset = datasets.list().stream()
                .filter(d -> d.name().startsWith("Breast cancer biopsies"))
                .findFirst()
                .orElseThrow()
                .id();
        var a = runs.submit(dataset, "ehr-mlp", new RunService.Overrides(3, 0.001, null, 1L), null);
        var b = runs.submit(dataset, "ehr-mlp", new RunService.Overrides(3, 0.01, 64, 1L), null);
        waitUntilFinished(a.id());
        waitUntilFinished(b.id());

        navigate(RunsView.class);
        @SuppressWarnings("unchecked")
        Grid<RunInfo> grid = $(Grid.class).single();
        var compare = $(Button.class).withText("Compare the two selected runs").single();
        assertThat(compare.isEnabled()).isFalse();
        var row = test(grid);
        int shown = java.util.stream.IntStream.range(0, row.size())
                .filter(i -> row.getRow(i).id().equals(a.id()))
                .findFirst()
                .orElseThrow();
        assertThat(row.getCellText(shown, 2)).as("design").isEqualTo("ehr-mlp");
        assertThat(row.getCellText(shown, 3)).as("dataset").startsWith("Breast cancer biopsies");
        grid.asMultiSelect().select(runs.get(a.id()), runs.get(b.id()));
        assertThat(compare.isEnabled()).isTrue();
        test(compare).click();

        assertThat(getCurrentView()).isInstanceOf(CompareRunsView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Run " + a.id() + " (A) and run " + b.id() + " (B)");
        @SuppressWarnings("unchecked")
        Grid<SpecDiff.Row> differences = $(Grid.class).id("spec-differences");
        var rows = test(differences);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(0, rows.size()).mapToObj(rows::getRow))
                .containsExactlyInAnyOrder(
                        new SpecDiff.Row("Learning rate", "0.001", "0.01"), new SpecDiff.Row("Batch size", "32", "64"));
        @SuppressWarnings("unchecked")
        Grid<CompareRunsView.Outcome> outcomes = $(Grid.class).first();
        assertThat(test(outcomes).getRow(2).a()).as("the dataset by name").startsWith("Breast cancer biopsies");
        assertThat($(Div.class).id("compare-chart").getElement().toString())
                .contains("polyline", "A validation", "B training");
    }

    @Test
    @WithMockUser(username = "trainee2", roles = "TRAINEE")
    void a_run_of_another_trainee_cannot_be_compared() {
        var mine = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("trainee1", null, "ROLE_TRAINEE"));
        long dataset = datasets.list().stream()
                .filter(d -> d.name().startsWith("Breast cancer biopsies"))
                .findFirst()
                .orElseThrow()
                .id();
        long theirs = runs.submit(dataset, "ehr-mlp", new RunService.Overrides(1, null, null, 1L), null)
                .id();
        SecurityContextHolder.getContext().setAuthentication(mine);

        UI.getCurrent()
                .navigate(
                        CompareRunsView.class,
                        QueryParameters.simple(java.util.Map.of("a", "" + theirs, "b", "" + theirs)));

        assertThat($(H2.class).first().getText()).isEqualTo("Nothing to compare");
        assertThat($(Div.class).all())
                .noneMatch(d -> "compare-chart".equals(d.getId().orElse("")));
    }

    private void waitUntilFinished(long id) throws InterruptedException {
        for (int i = 0; i < 600 && !runs.get(id).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(id).status().finished()).isTrue();
    }
}
