package org.deeprounds.training.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.deeprounds.training.EpochMetrics;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.deeprounds.training.SpecDiff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two runs side by side ({@code runs/compare?a=1&b=2}): their outcomes, what differs in their designs, and their loss
 * curves on one chart, so a trainee sees what one change did. Only runs the user may see can be compared.
 */
@Route("runs/compare")
@PageTitle("Compare runs")
@PermitAll
public class CompareRunsView extends VerticalLayout implements BeforeEnterObserver {

    /** One row of the outcome table: a label and each run's value. */
    record Outcome(String label, String a, String b) {}

    final Grid<Outcome> outcomes = new Grid<>();
    final Grid<SpecDiff.Row> differences = new Grid<>();
    final Div chart = new Div();
    final Paragraph sameDesign = new Paragraph(
            "The two designs are identical: any difference comes from chance" + " (the seed) or from the data.");
    private final transient RunService runs;
    private final transient JsonMapper json;

    public CompareRunsView(RunService runs, JsonMapper json) {
        this.runs = runs;
        this.json = json;
        outcomes.addColumn(Outcome::label).setHeader("").setAutoWidth(true);
        outcomes.addColumn(Outcome::a).setHeader("Run A");
        outcomes.addColumn(Outcome::b).setHeader("Run B");
        outcomes.setAllRowsVisible(true);
        outcomes.addThemeVariants(GridVariant.LUMO_COMPACT);
        differences.setId("spec-differences");
        differences.addColumn(SpecDiff.Row::setting).setHeader("Setting").setAutoWidth(true);
        differences.addColumn(SpecDiff.Row::a).setHeader("Run A");
        differences.addColumn(SpecDiff.Row::b).setHeader("Run B");
        differences.setAllRowsVisible(true);
        differences.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        chart.setId("compare-chart");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        removeAll();
        try {
            var a = runs.get(id(query.getSingleParameter("a").orElse("")));
            var b = runs.get(id(query.getSingleParameter("b").orElse("")));
            show(a, b);
        } catch (NoSuchElementException | IllegalArgumentException e) {
            add(new H2("Nothing to compare"), new Paragraph(e.getMessage() + " Pick two runs on the Runs page."));
        }
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a run number.");
        }
    }

    private void show(RunInfo a, RunInfo b) {
        outcomes.setItems(outcomeRows(a, b, runs.datasetNames(), runs.origins(List.of(a.id(), b.id()))));
        var diff = SpecDiff.differences(a.spec(), b.spec(), json);
        differences.setItems(diff);
        chart.removeAll();
        chart.add(LossChart.draw(List.of(
                new LossChart.Series("A validation", "#3b7dd8", false, losses(a, EpochMetrics::validationLoss)),
                new LossChart.Series("A training", "#3b7dd8", true, losses(a, EpochMetrics::trainLoss)),
                new LossChart.Series("B validation", "#e07b00", false, losses(b, EpochMetrics::validationLoss)),
                new LossChart.Series("B training", "#e07b00", true, losses(b, EpochMetrics::trainLoss)))));
        add(
                new H2("Run " + a.id() + " (A) and run " + b.id() + " (B)"),
                outcomes,
                new H3("What differs in the design"),
                diff.isEmpty() ? sameDesign : differences,
                new H3("Loss per epoch"),
                new Paragraph("Solid lines are validation loss, dashed lines training loss. The lower validation"
                        + " curve generalises better; a gap that opens between a run's two lines is overfitting."),
                chart);
    }

    private static List<Double> losses(RunInfo run, Function<EpochMetrics, Double> metric) {
        return run.history().stream().map(metric).toList();
    }

    static List<Outcome> outcomeRows(RunInfo a, RunInfo b, Map<Long, String> datasetNames, Map<Long, String> origins) {
        var rows = new ArrayList<Outcome>();
        rows.add(new Outcome("Trainee", a.owner(), b.owner()));
        rows.add(new Outcome(
                "Design", RunLabels.design(a, origins.get(a.id())), RunLabels.design(b, origins.get(b.id()))));
        rows.add(new Outcome("Dataset", RunLabels.dataset(a, datasetNames), RunLabels.dataset(b, datasetNames)));
        if (origins.containsKey(a.id()) || origins.containsKey(b.id())) {
            rows.add(new Outcome(
                    "Started from",
                    origins.getOrDefault(a.id(), "the trainee"),
                    origins.getOrDefault(b.id(), "the trainee")));
        }
        rows.add(new Outcome("Status", RunView.statusText(a), RunView.statusText(b)));
        rows.add(new Outcome("Epochs trained", a.epoch() + " of " + a.epochs(), b.epoch() + " of " + b.epochs()));
        rows.add(new Outcome("Best epoch", best(a, m -> "" + m.epoch()), best(b, m -> "" + m.epoch())));
        rows.add(new Outcome(
                "Best validation loss",
                best(a, m -> RunView.number(m.validationLoss())),
                best(b, m -> RunView.number(m.validationLoss()))));
        rows.add(new Outcome(
                "Validation AUC / accuracy at best epoch",
                best(a, CompareRunsView::headline),
                best(b, CompareRunsView::headline)));
        rows.add(new Outcome("Training time", seconds(a), seconds(b)));
        return rows;
    }

    private static String best(RunInfo run, Function<EpochMetrics, String> show) {
        return run.history().stream()
                .min(Comparator.comparingDouble(EpochMetrics::validationLoss))
                .map(show)
                .orElse("–");
    }

    private static String headline(EpochMetrics m) {
        return m.validationAuc() != null
                ? "AUC " + RunView.number(m.validationAuc())
                : "accuracy " + RunView.number(m.validationAccuracy());
    }

    private static String seconds(RunInfo run) {
        long millis = run.history().stream().mapToLong(EpochMetrics::millis).sum();
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
