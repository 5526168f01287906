package org.deeprounds.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
import org.deeprounds.training.RunEvents;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;

/**
 * One run, live: status, progress bar, epoch, queue position, training and validation loss per epoch as a chart,
 * the metrics table, and the message when it ends (for a diverged run, what to try next). Updates are pushed.
 */
@Route("run")
@PermitAll
public class RunView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    final H2 title = new H2();
    final Paragraph status = new Paragraph();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Paragraph message = new Paragraph();
    final Div chart = new Div();
    final Grid<EpochMetrics> epochs = new Grid<>();
    final Button cancel = new Button("Cancel run");
    private final transient RunService runs;
    private final transient RunEvents events;
    private transient Runnable unsubscribe;
    private long id;

    public RunView(RunService runs, RunEvents events) {
        this.runs = runs;
        this.events = events;
        status.setId("run-status");
        message.setId("run-message");
        progress.setWidth("30em");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> {
            runs.cancel(id);
            refresh();
        });
        epochs.addColumn(EpochMetrics::epoch).setHeader("Epoch").setAutoWidth(true);
        epochs.addColumn(m -> number(m.trainLoss())).setHeader("Training loss");
        epochs.addColumn(m -> number(m.validationLoss())).setHeader("Validation loss");
        epochs.addColumn(m -> number(m.validationAccuracy())).setHeader("Validation accuracy");
        epochs.addColumn(m -> m.validationAuc() == null ? "" : number(m.validationAuc()))
                .setHeader("Validation AUC");
        epochs.addColumn(m -> String.format(Locale.ROOT, "%.1f s", m.millis() / 1000.0))
                .setHeader("Time");
        epochs.setAllRowsVisible(true);
        epochs.addThemeVariants(GridVariant.LUMO_COMPACT);
        chart.setId("loss-chart");
        add(
                title,
                status,
                progress,
                message,
                cancel,
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
        status.setText(statusText(run) + " · epoch " + run.epoch() + " of " + run.epochs() + " · " + run.backend()
                + (run.etaSeconds() == null ? "" : " · about " + eta(run.etaSeconds()) + " left"));
        progress.setValue(Math.min(1, run.progress()));
        progress.setIndeterminate(run.status() == RunStatus.RUNNING && run.epoch() == 0);
        message.setText(run.message() == null ? "" : run.message());
        message.getStyle().set("color", run.error() != null ? "var(--lumo-error-text-color)" : "inherit");
        cancel.setVisible(!run.status().finished());
        epochs.setItems(run.history());
        chart.removeAll();
        if (!run.history().isEmpty()) {
            chart.add(lossChart(run.history()));
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

    /** Training (blue) and validation (orange) loss per epoch, drawn on the server as SVG. */
    static Svg lossChart(List<EpochMetrics> history) {
        int width = 480;
        int height = 180;
        int pad = 30;
        double max = history.stream()
                .mapToDouble(m -> Math.max(m.trainLoss(), m.validationLoss()))
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        var svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>"
                        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#999'/>"
                        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#999'/>"
                        + "<text x='2' y='%d' font-size='10'>%.2f</text><text x='2' y='%d' font-size='10'>0</text>",
                width,
                height,
                pad,
                height - pad,
                width - 5,
                height - pad,
                pad,
                5,
                pad,
                height - pad,
                12,
                max,
                height - pad));
        svg.append(line(history, true, max, width, height, pad, "#3b7dd8"));
        svg.append(line(history, false, max, width, height, pad, "#e07b00"));
        svg.append(String.format(
                Locale.ROOT,
                "<text x='%d' y='%d' font-size='11' fill='#3b7dd8'>training</text>"
                        + "<text x='%d' y='%d' font-size='11' fill='#e07b00'>validation</text></svg>",
                width - 150,
                14,
                width - 80,
                14));
        return new Svg(svg.toString());
    }

    private static String line(
            List<EpochMetrics> history, boolean train, double max, int w, int h, int pad, String colour) {
        var points = new StringBuilder();
        for (int i = 0; i < history.size(); i++) {
            double x = pad + (history.size() == 1 ? 0 : (double) i / (history.size() - 1) * (w - pad - 10));
            double v = train ? history.get(i).trainLoss() : history.get(i).validationLoss();
            double y = (h - pad) - (Double.isFinite(v) ? v / max : 1) * (h - pad - 10);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<polyline fill='none' stroke='" + colour + "' stroke-width='2' points='"
                + points.toString().strip() + "'/>";
    }

    private static String number(double value) {
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
