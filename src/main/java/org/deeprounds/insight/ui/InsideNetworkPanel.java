package org.deeprounds.insight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.deeprounds.base.ErrorReference;
import org.deeprounds.base.ui.Chart;
import org.deeprounds.insight.LayerInsights;
import org.deeprounds.insight.LayerReadings;
import org.deeprounds.insight.LayerReport;
import org.deeprounds.insight.NetworkProbe;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunStatus;
import org.deeprounds.training.ui.RunPageSection;

/**
 * Inside the network, for one run: pick a layer on the diagram, then read its update:parameter ratio, its activations,
 * its weight and gradient histograms at a chosen moment, and for image convolutions its feature maps and filters.
 * Each chart has a short explanation of what healthy and unhealthy look like.
 */
class InsideNetworkPanel extends VerticalLayout implements RunPageSection.Panel {

    private static final String[] COLOURS = {"#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a"};

    private final transient LayerInsights insights;
    private final transient NetworkProbe probe;
    private final long runId;
    private final HorizontalLayout diagram = new HorizontalLayout();
    private final Paragraph status = new Paragraph();
    /** More points than a chart has pixels only slow the page: long runs are drawn at most this many, evenly. */
    static final int MAX_LOSS_POINTS = 2_000;

    private final Chart loss = new Chart("Loss at every iteration", "iteration", "loss");
    private final Chart ratio = new Chart("Update : parameter ratio (log10)", "iteration", "log10 ratio");
    private final Paragraph ratioReading = new Paragraph();
    private final Chart activations = new Chart("Activations", "iteration", "output");
    private final Paragraph activationReading = new Paragraph();
    private final Input moment = new Input();
    private final Span momentLabel = new Span();
    private final Chart weights = new Chart("Weights", "value", "count");
    private final Chart gradients = new Chart("Gradients", "value", "count");
    private final Div maps = new Div();
    private final Div filters = new Div();
    private final VerticalLayout convolution = new VerticalLayout();
    private final Paragraph probeNote = new Paragraph();
    private transient LayerReport report;
    private transient NetworkProbe.Probe probed;
    private int layer;
    private int sample;
    private int reportIndex = -1;
    private transient NetworkProbe.Probe drawnProbe;
    private int drawnLayer = -1;
    private RunStatus lastStatus;
    /** The reference under which unreadable statistics were logged, once. */
    private String unreadable;

    InsideNetworkPanel(LayerInsights insights, NetworkProbe probe, RunInfo run) {
        this.insights = insights;
        this.probe = probe;
        this.runId = run.id();
        setId("inside-network");
        setPadding(false);
        diagram.setId("layer-diagram");
        diagram.setAlignItems(FlexComponent.Alignment.CENTER);
        diagram.getStyle().set("flex-wrap", "wrap");
        loss.setId("iteration-loss-chart");
        ratio.setId("ratio-chart");
        activations.setId("activation-chart");
        weights.setId("weight-histogram");
        gradients.setId("gradient-histogram");
        status.setId("inside-status");
        ratioReading.setId("ratio-reading");
        activationReading.setId("activation-reading");
        for (var chart : List.of(weights, gradients)) {
            chart.setSize(340, 180);
        }
        moment.setType("range");
        moment.setId("histogram-moment");
        moment.getElement().setAttribute("min", "0");
        moment.getElement().setAttribute("step", "1");
        moment.setWidth("22em");
        moment.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
        moment.addValueChangeListener(e -> {
            // Only the trainee moves the slider; the server moving it to the newest snapshot is not a choice.
            if (!e.isFromClient()) {
                return;
            }
            try {
                int chosen = Integer.parseInt(e.getValue());
                // At the right end the histograms follow training live.
                reportIndex = report != null && chosen >= report.iterations().size() - 1 ? -1 : chosen;
            } catch (NumberFormatException ignored) {
                reportIndex = -1;
            }
            showHistograms();
        });
        var training = new Anchor("/train/" + runId + "/overview", "Open DL4J's training UI for this run");
        training.setTarget(AnchorTarget.BLANK);
        training.setId("dl4j-ui-link");
        var again = new Button("Look again with the latest weights", e -> {
            probed = null;
            showLayer();
        });
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var nextSample = new Button("Another validation image", e -> {
            sample++;
            probed = null;
            showLayer();
        });
        nextSample.setId("next-sample");
        maps.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "4px");
        filters.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "4px");
        maps.setId("feature-maps");
        filters.setId("filters");
        convolution.setPadding(false);
        convolution.add(
                new H4("What this layer sees"),
                new Paragraph("Left: one validation image. Then its feature maps, one per filter: bright where the"
                        + " filter's pattern occurs. Early layers respond to edges and brightness; deeper ones to larger"
                        + " shapes such as an opacity. Maps that are all black belong to filters that found nothing."),
                nextSample,
                maps,
                new H4("Learned filters"),
                new Paragraph("Each small square is one filter's weights (light = positive, dark = negative),"
                        + " averaged over its input channels. Smooth light/dark halves detect edges; noise-like"
                        + " filters have learned little yet."),
                filters);
        add(
                new H3("Inside the network"),
                new Paragraph("Pick a layer. The charts show how it learns, recorded during training."),
                diagram,
                status,
                new HorizontalLayout(training, again),
                new H4("Is the network learning?"),
                explained(
                        loss,
                        "The loss of every mini-batch, from the first iteration to the latest: lower is better."
                                + " It jitters because each mini-batch holds different cases; the trend is what counts."
                                + " Falling then flattening is healthy; flat from the start means nothing is learned;"
                                + " jumping up or to infinity means the learning rate is too high."),
                new H4("Is this layer learning at a healthy pace?"),
                explained(
                        ratio,
                        "How large each update is compared with the weights it changes (log10). Around -3"
                                + " (a thousandth) is healthy: the green band. Far above, the learning rate is too high and"
                                + " training jumps about or diverges; far below, this layer barely learns."),
                ratioReading,
                new H4("Do its units respond?"),
                explained(
                        activations,
                        "The average output of the layer's units over a mini-batch (solid), with one"
                                + " standard deviation either side (dashed). Healthy: a stable spread. A spread collapsing to"
                                + " zero means the layer outputs the same for every case; values racing upwards mean"
                                + " unstable training."),
                activationReading,
                new H4("Weights and gradients"),
                new Paragraph("How the layer's weights are spread, and the gradients that move them, at one moment of"
                        + " training (slide to go back in time). Weights start narrow and spread as the layer"
                        + " specialises; gradients should be narrow around zero, and shrink as the loss settles."
                        + " A gradient histogram squeezed to a line at zero means nothing reaches this layer."),
                wrapping(new HorizontalLayout(moment, momentLabel)),
                wrapping(new HorizontalLayout(weights, gradients)),
                convolution,
                probeNote);
        update(run);
    }

    private static Component explained(Chart chart, String text) {
        var explanation = new Paragraph(text);
        // In a narrow pane (a lesson, a phone) the explanation goes under the chart instead of being squeezed.
        explanation
                .getStyle()
                .set("max-width", "24em")
                .set("min-width", "14em")
                .set("flex", "1 1 14em")
                .set("font-size", "var(--lumo-font-size-s)");
        var row = wrapping(new HorizontalLayout(chart, explanation));
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        return row;
    }

    private static HorizontalLayout wrapping(HorizontalLayout row) {
        row.setWrap(true);
        row.setMaxWidth("100%");
        return row;
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void update(RunInfo run) {
        try {
            report = insights.report(runId, null);
        } catch (NoSuchElementException e) {
            report = null;
            status.setText(
                    run.status() == RunStatus.QUEUED
                            ? "The charts appear once the run starts training."
                            : e.getMessage());
        } catch (RuntimeException e) {
            // A damaged statistics file must not take the run page down with it. Logged once per page, under a
            // reference the user can pass on; the exception itself is not for the user.
            report = null;
            if (unreadable == null) {
                unreadable = ErrorReference.log("the layer statistics of run " + runId, e);
            }
            status.setText("The layer statistics of this run cannot be read (ref " + unreadable
                    + "); tell your instructor the reference.");
        }
        if (lastStatus != run.status()) {
            // A finished run has its final model: look again.
            probed = null;
            lastStatus = run.status();
        }
        if (report != null) {
            status.setText(report.iterations().size() + " layer snapshots and the score of "
                    + report.scoreIterations().size() + " iterations recorded, up to iteration "
                    + report.scoreIterations().getLast()
                    + (run.status() == RunStatus.RUNNING ? "; updating live." : "."));
            if (reportIndex >= report.iterations().size()) {
                reportIndex = -1;
            }
            drawLoss();
            drawDiagram();
            showLayer();
        }
    }

    private void drawLoss() {
        var iterations = report.scoreIterations();
        var scores = report.scores();
        int step = (iterations.size() + MAX_LOSS_POINTS - 1) / MAX_LOSS_POINTS;
        var x = new ArrayList<Integer>();
        var y = new ArrayList<Double>();
        for (int i = 0; i < iterations.size(); i += step) {
            x.add(iterations.get(i));
            y.add(scores.get(i));
        }
        if (!x.getLast().equals(iterations.getLast())) {
            x.add(iterations.getLast());
            y.add(scores.getLast());
        }
        loss.lines(x, List.of(new Chart.Series("loss", COLOURS[0], y, false)), null);
    }

    /** Built once: buttons replaced at every update would be replaced under the user's click. */
    private void drawDiagram() {
        if (diagram.getComponentCount() > 0) {
            return;
        }
        diagram.add(new Span("input →"));
        for (var l : report.layers()) {
            var button = new Button((l.index() + 1) + " · " + l.description());
            button.setId("layer-" + l.index());
            button.addClickListener(e -> {
                layer = l.index();
                highlight();
                showLayer();
            });
            diagram.add(button);
            if (l.index() < report.layers().size() - 1) {
                diagram.add(new Span("→"));
            }
        }
        highlight();
    }

    private void highlight() {
        diagram.getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .forEach(b -> {
                    if (b.getId().orElse("").equals("layer-" + layer)) {
                        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    } else {
                        b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    }
                });
    }

    private void showLayer() {
        if (report == null || report.layers().isEmpty()) {
            return;
        }
        var l = report.layers().get(Math.min(layer, report.layers().size() - 1));
        var x = report.iterations();
        var ratioSeries = new ArrayList<Chart.Series>();
        int colour = 0;
        List<Double> readSeries = null;
        for (var entry : l.updateRatio().entrySet()) {
            ratioSeries.add(new Chart.Series(
                    entry.getKey().equals("W") ? "weights" : entry.getKey().equals("b") ? "biases" : entry.getKey(),
                    COLOURS[colour++ % COLOURS.length],
                    pad(entry.getValue(), x.size()),
                    false));
            if (entry.getKey().equals("W") || readSeries == null) {
                readSeries = entry.getValue();
            }
        }
        if (ratioSeries.isEmpty()) {
            ratio.setVisible(false);
            ratioReading.setText("This layer has no weights of its own (it pools, drops out or reshapes), so it has"
                    + " no update ratio.");
        } else {
            ratio.setVisible(true);
            ratio.lines(x, ratioSeries, new Chart.Band(-4, -2, "healthy"));
            ratioReading.setText(LayerReadings.ratio(x, readSeries));
        }
        var mean = l.activationMean();
        var std = l.activationStd();
        var upper = new ArrayList<Double>();
        var lower = new ArrayList<Double>();
        for (int i = 0; i < mean.size(); i++) {
            var m = mean.get(i);
            var s = i < std.size() ? std.get(i) : null;
            upper.add(m == null || s == null ? null : m + s);
            lower.add(m == null || s == null ? null : m - s);
        }
        activations.lines(
                x,
                List.of(
                        new Chart.Series("mean", COLOURS[0], mean, false),
                        new Chart.Series("mean + sd", COLOURS[0], upper, true),
                        new Chart.Series("mean - sd", COLOURS[0], lower, true)),
                null);
        moment.getElement().setAttribute("max", Integer.toString(Math.max(0, x.size() - 1)));
        if (reportIndex < 0) {
            moment.setValue(Integer.toString(Math.max(0, x.size() - 1)));
        }
        showHistograms();
        showProbe(l, std);
    }

    private void showHistograms() {
        if (report == null) {
            return;
        }
        var x = report.iterations();
        LayerReport shown = report;
        if (reportIndex >= 0 && reportIndex < x.size() - 1) {
            shown = insights.report(runId, x.get(reportIndex));
        }
        momentLabel.setText("iteration " + shown.histogramIteration());
        var l = shown.layers().get(Math.min(layer, shown.layers().size() - 1));
        histogram(
                weights, "weights", l.parameters().get(l.parameters().containsKey("W") ? "W" : first(l.parameters())));
        histogram(
                gradients, "gradients", l.gradients().get(l.gradients().containsKey("W") ? "W" : first(l.gradients())));
    }

    private static String first(java.util.Map<String, LayerReport.Histogram> map) {
        return map.isEmpty() ? "" : map.keySet().iterator().next();
    }

    private static void histogram(Chart chart, String label, LayerReport.Histogram h) {
        chart.setVisible(h != null);
        if (h == null) {
            return;
        }
        int bins = h.counts().size();
        var centres = new ArrayList<Double>();
        for (int i = 0; i < bins; i++) {
            centres.add(h.min() + (i + 0.5) * (h.max() - h.min()) / bins);
        }
        chart.bars(
                centres, new Chart.Series(label, label.equals("weights") ? COLOURS[0] : COLOURS[1], h.counts(), false));
    }

    private void showProbe(LayerReport.Layer l, List<Double> std) {
        try {
            if (probed == null) {
                probed = probe.probe(runId, sample);
            }
        } catch (NoSuchElementException | IllegalStateException e) {
            probeNote.setText(e.getMessage());
            convolution.setVisible(false);
            activationReading.setText(LayerReadings.activations(std, 0, 0, 0));
            return;
        }
        var p = probed.layers().stream()
                .filter(x -> x.index() == l.index())
                .findFirst()
                .orElse(null);
        activationReading.setText(
                p == null
                        ? LayerReadings.activations(std, 0, 0, 0)
                        : LayerReadings.activations(std, p.units(), p.dead(), p.saturated()));
        probeNote.setText(String.format(
                Locale.ROOT,
                "Units, feature maps and filters: %s, on %d validation cases (never the test split).",
                probed.weights(),
                probed.cases()));
        boolean spatial =
                p != null && (!p.featureMaps().isEmpty() || !p.filters().isEmpty());
        convolution.setVisible(spatial);
        // The images change only with the weights, the sample or the layer: do not send them again at every epoch.
        if (probed == drawnProbe && l.index() == drawnLayer) {
            return;
        }
        drawnProbe = probed;
        drawnLayer = l.index();
        maps.removeAll();
        filters.removeAll();
        if (!spatial) {
            return;
        }
        if (probed.sampleImage() != null) {
            var image = tile(
                    probed.sampleImage(),
                    "validation image " + (probed.sample() + 1) + " (" + probed.sampleLabel() + ")",
                    84);
            image.getStyle().set("margin-right", "12px");
            maps.add(image);
        }
        int i = 1;
        for (var map : p.featureMaps()) {
            maps.add(tile(map, "feature map " + i++, 56));
        }
        i = 1;
        for (var filter : p.filters()) {
            filters.add(tile(filter, "filter " + i++, 40));
        }
        if (p.filters().isEmpty()) {
            filters.add(new Span(
                    l.type().contains("Pool")
                            ? "Pooling has no filters: it keeps the strongest (or average) response in each small patch,"
                                    + " halving the maps' size so the next layer sees a wider area."
                            : "This layer has no filters to draw."));
        }
    }

    private static Image tile(String dataUrl, String alt, int size) {
        var image = new Image(dataUrl, alt);
        image.setTitle(alt);
        image.setWidth(size + "px");
        image.setHeight(size + "px");
        image.getStyle().set("image-rendering", "pixelated").set("border", "1px solid var(--lumo-contrast-20pct)");
        return image;
    }

    private static List<Double> pad(List<Double> values, int size) {
        var out = new ArrayList<Double>(values);
        while (out.size() < size) {
            out.add(0, null);
        }
        return out;
    }
}
