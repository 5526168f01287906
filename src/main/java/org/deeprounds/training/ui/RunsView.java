package org.deeprounds.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.deeprounds.training.RunEvents;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;

/** Training runs: a trainee's own; an instructor's and their cohorts'; all for administrators. Updates live. */
@Route("runs")
@PageTitle("Runs")
@Menu(title = "Runs", order = 30, icon = "vaadin:chart-line")
@PermitAll
public class RunsView extends VerticalLayout {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final Grid<RunInfo> grid = new Grid<>();
    final Button compare = new Button("Compare the two selected runs");
    private final transient RunService runs;
    private final transient RunEvents events;
    private transient Runnable unsubscribe;
    private transient Map<Long, String> datasetNames = Map.of();
    private transient Map<Long, String> origins = Map.of();

    public RunsView(RunService runs, RunEvents events) {
        this.runs = runs;
        this.events = events;
        setSizeFull();
        grid.addComponentColumn(r -> new RouterLink("Run " + r.id(), RunView.class, r.id()))
                .setHeader("Run")
                .setAutoWidth(true);
        grid.addColumn(RunInfo::owner).setHeader("Trainee").setAutoWidth(true);
        grid.addColumn(r -> RunLabels.design(r, origins.get(r.id())))
                .setHeader("Design")
                .setAutoWidth(true);
        grid.addColumn(r -> RunLabels.dataset(r, datasetNames)).setHeader("Dataset");
        grid.addColumn(r -> origins.getOrDefault(r.id(), "")).setHeader("Started from");
        grid.addColumn(r -> RunView.statusText(r)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.epoch() + " / " + r.epochs()).setHeader("Epoch").setAutoWidth(true);
        grid.addColumn(RunsView::headline).setHeader("Validation").setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.queuedAt())).setHeader("Submitted").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        compare.setEnabled(false);
        grid.addSelectionListener(
                e -> compare.setEnabled(e.getAllSelectedItems().size() == 2));
        compare.addClickListener(e -> {
            var picked =
                    grid.getSelectedItems().stream().map(RunInfo::id).sorted().toList();
            if (picked.size() == 2) {
                getUI().ifPresent(ui -> ui.navigate(
                        CompareRunsView.class,
                        QueryParameters.simple(Map.of(
                                "a",
                                picked.get(0).toString(),
                                "b",
                                picked.get(1).toString()))));
            }
        });
        add(
                new Paragraph("Start a run from the Model builder. Validation metrics come from the validation split;"
                        + " the test split stays untouched until evaluation. Tick two runs to compare them."),
                compare,
                grid);
        datasetNames = runs.datasetNames();
        showRuns();
    }

    /** The kept epoch's validation figures once the run keeps a model (those of its latest epoch before). */
    static String headline(RunInfo run) {
        var m = run.kept() != null ? run.kept() : run.latest();
        if (m == null) {
            return "";
        }
        var figures = m.validationAuc() != null
                ? String.format(Locale.ROOT, "AUC %.3f, loss %.3f", m.validationAuc(), m.validationLoss())
                : String.format(Locale.ROOT, "accuracy %.3f, loss %.3f", m.validationAccuracy(), m.validationLoss());
        return figures + (run.kept() != null ? " (kept epoch " + m.epoch() + ")" : "");
    }

    /**
     * The grid asks for the rows it shows, a page at a time, so a long history (or an administrator's view of every
     * run) is never loaded at once.
     */
    private void showRuns() {
        grid.setItems(
                        query -> {
                            var page = runs.list(query.getPage(), query.getPageSize())
                                    .runs();
                            var names = new java.util.HashMap<>(origins);
                            names.putAll(
                                    runs.origins(page.stream().map(RunInfo::id).toList()));
                            origins = names;
                            return page.stream();
                        },
                        query -> (int) Math.min(Integer.MAX_VALUE, runs.count()))
                // Rows are matched by run id, so a tick survives the live refresh of a run's numbers.
                .setIdentifierProvider(RunInfo::id);
    }

    void refresh() {
        datasetNames = runs.datasetNames();
        grid.getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        unsubscribe = events.subscribe(id -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }
}
