package org.deeprounds.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.deeprounds.training.EpochMetrics;
import org.deeprounds.training.KeptEpochReading;
import org.deeprounds.training.RunEvents;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;

/**
 * One run, live: status, progress bar, epoch, queue position, training and validation loss per epoch as a chart,
 * the metrics table, and the message when it ends (for a diverged run, what to try next): which epoch the model keeps
 * and, when that is the last one, that validation was still improving. Updates are pushed.
 */
@Route("run")
@PermitAll
public class RunView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    final H2 title = new H2();
    /** Design, data by name, and the lesson that started the run. */
    final Paragraph about = new Paragraph();
    /** How the training images were changed each epoch; hidden for a design without augmentation. */
    final Paragraph augmentation = new Paragraph();

    final Paragraph status = new Paragraph();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Paragraph message = new Paragraph();
    /** Which epoch the model keeps, and whether validation was still improving when training stopped. */
    final Paragraph kept = new Paragraph();

    final Div chart = new Div();
    final Grid<EpochMetrics> epochs = new Grid<>();
    final Button cancel = new Button("Cancel run");
    final Button resume = new Button("Resume from checkpoint");
    final Button rerun = new Button("Run again");
    /** A link by path: the evaluation feature builds on training, not the other way round. */
    final Anchor evaluate = new Anchor("", "Evaluate on the test split");

    private final transient RunService runs;
    private final transient RunEvents events;
    private transient Runnable unsubscribe;
    private long id;
    private Integer keptEpoch;
    private long aboutId = -1;

    private final transient List<RunPageSection> sectionTypes;
    private final Paragraph handovers = new Paragraph();
    /** What it was made with, for reproducing it: versions, checksums, seed. */
    private final Paragraph madeWith = new Paragraph();

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
    private final transient List<RunPageSection.Panel> sections = new java.util.ArrayList<>();

    public RunView(RunService runs, RunEvents events, List<RunPageSection> sectionTypes) {
        this.runs = runs;
        this.events = events;
        this.sectionTypes = sectionTypes;
        status.setId("run-status");
        about.setId("run-about");
        augmentation.setId("run-augmentation");
        evaluate.setId("evaluate-link");
        message.setId("run-message");
        kept.setId("run-kept");
        progress.setWidthFull();
        progress.setMaxWidth("30em");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> {
            runs.cancel(id);
            refresh();
        });
        resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resume.addClickListener(e -> act(() -> {
            runs.resume(id);
            refresh();
        }));
        rerun.addClickListener(e -> act(() -> {
            var again = runs.rerun(id);
            getUI().ifPresent(ui -> ui.navigate(RunView.class, again.id()));
        }));
        epochs.addColumn(EpochMetrics::epoch)
                .setHeader("Epoch")
                .setAutoWidth(true)
                .setFrozen(true);
        epochs.addColumn(m -> number(m.trainLoss())).setHeader("Training loss");
        epochs.addColumn(m -> number(m.validationLoss())).setHeader("Validation loss");
        epochs.addColumn(m -> number(m.validationAccuracy())).setHeader("Validation accuracy");
        epochs.addColumn(m -> m.validationAuc() == null ? "" : number(m.validationAuc()))
                .setHeader("Validation AUC");
        epochs.addColumn(m -> String.format(Locale.ROOT, "%.1f s", m.millis() / 1000.0))
                .setHeader("Time");
        epochs.addColumn(m -> keptEpoch != null && m.epoch() == keptEpoch ? "kept" : "")
                .setHeader("Model")
                .setAutoWidth(true);
        epochs.setAllRowsVisible(true);
        epochs.addThemeVariants(GridVariant.LUMO_COMPACT);
        chart.setId("loss-chart");
        add(
                title,
                about,
                augmentation,
                status,
                progress,
                message,
                handovers,
                kept,
                buttons(),
                madeWith,
                new H3("Loss per epoch"),
                new Paragraph("Training loss should fall. When the validation loss turns up while the training loss"
                        + " keeps falling, the network is memorising the training images rather than learning what"
                        + " generalises (overfitting); the weights of the best validation epoch are kept."),
                chart,
                epochs);
    }

    @Override
    public String getPageTitle() {
        return "Run " + id;
    }

    @Override
    public void setParameter(BeforeEvent event, Long runId) {
        open(runId);
    }

    /** Shows this run (the run page, or a lesson showing the run beside its text). */
    public void open(long runId) {
        this.id = runId;
        refresh();
    }

    void refresh() {
        RunInfo run;
        try {
            run = runs.get(id);
        } catch (NoSuchElementException e) {
            removeAll();
            add(new H2("Run not found"), new Paragraph("There is no run " + id + " that you may see."));
            return;
        }
        title.setText("Run " + run.id() + (run.template() == null ? "" : " · " + run.template()));
        if (aboutId != run.id()) {
            // Names and origin do not change while a run trains: looked up once, not at every epoch.
            about.setText(RunLabels.summary(
                    run, runs.datasetNames(), runs.origins(List.of(run.id())).get(run.id())));
            augmentation.setText(AugmentationPanel.summary(run.spec()));
            augmentation.setVisible(!augmentation.getText().isEmpty());
            aboutId = run.id();
        }
        status.setText(statusText(run) + " · epoch " + run.epoch() + " of " + run.epochs() + " · " + run.backend()
                + (run.node() == null ? "" : " on " + run.node())
                + (run.etaSeconds() == null ? "" : " · about " + eta(run.etaSeconds()) + " left"));
        // Where it went beyond one start: taken over from a node that stopped, handed back at a shutdown, resumed.
        handovers.setText(
                run.events().size() < 2
                        ? ""
                        : run.events().stream()
                                .map(e -> TIME.format(e.at()) + " " + e.text())
                                .collect(java.util.stream.Collectors.joining(" · ")));
        handovers.setVisible(run.events().size() >= 2);
        madeWith.setText("Made with " + run.provenance().describe());
        progress.setValue(Math.min(1, run.progress()));
        progress.setIndeterminate(run.status() == RunStatus.RUNNING && run.epoch() == 0);
        message.setText(run.message() == null ? "" : run.message());
        message.getStyle().set("color", run.error() != null ? "var(--lumo-error-text-color)" : "inherit");
        var keptText = KeptEpochReading.of(run);
        kept.setText(keptText == null ? "" : keptText);
        kept.setVisible(keptText != null);
        // A completed run's own message says the same in fewer words.
        message.setVisible(keptText == null || run.status() != RunStatus.COMPLETED);
        keptEpoch = run.keptEpoch();
        cancel.setVisible(!run.status().finished());
        resume.setVisible(run.status() == RunStatus.INTERRUPTED && run.epoch() > 0);
        rerun.setVisible(run.status().finished());
        evaluate.setHref("evaluation/" + run.id());
        evaluate.setVisible(run.status() == RunStatus.COMPLETED);
        epochs.setItems(run.history());
        chart.removeAll();
        if (!run.history().isEmpty()) {
            chart.add(lossChart(run.history()));
        }
        if (sections.isEmpty()) {
            for (var type : sectionTypes) {
                var panel = type.create(run);
                sections.add(panel);
                add(panel.component());
            }
        } else {
            sections.forEach(panel -> panel.update(run));
        }
    }

    /** A refusal (no checkpoint, data changed, queue full) is shown, not thrown at the trainee. */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (IllegalStateException | org.deeprounds.models.InvalidSpecException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static String eta(long seconds) {
        return seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }

    static String statusText(RunInfo run) {
        return switch (run.status()) {
            case QUEUED -> "Waiting · position " + run.queuePosition() + " in the queue";
            case RUNNING -> "Training";
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
            case DIVERGED -> "Diverged";
            case INTERRUPTED -> "Interrupted";
        };
    }

    /** Training (blue) and validation (orange) loss per epoch. */
    static Svg lossChart(List<EpochMetrics> history) {
        return LossChart.draw(List.of(
                new LossChart.Series(
                        "training",
                        "#3b7dd8",
                        false,
                        history.stream().map(EpochMetrics::trainLoss).toList()),
                new LossChart.Series(
                        "validation",
                        "#e07b00",
                        false,
                        history.stream().map(EpochMetrics::validationLoss).toList())));
    }

    private HorizontalLayout buttons() {
        var row = new HorizontalLayout(cancel, resume, rerun, evaluate);
        row.setWrap(true);
        return row;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        unsubscribe = events.subscribe(changed -> {
            if (changed == id) {
                ui.access(this::refresh);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }
}
