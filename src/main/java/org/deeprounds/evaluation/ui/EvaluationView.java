package org.deeprounds.evaluation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ModalityData;
import org.deeprounds.evaluation.Estimate;
import org.deeprounds.evaluation.Evaluation;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.evaluation.FeatureImportance;
import org.deeprounds.evaluation.Plural;
import org.deeprounds.evaluation.Prediction;
import org.deeprounds.evaluation.ThresholdLocks;
import org.deeprounds.models.InputShape;
import org.deeprounds.training.RunService;

/**
 * A completed run judged as a clinician would, on its held-out test split: metrics with confidence intervals at a
 * threshold the trainee moves, the confusion matrix, the ROC curve with the operating point, what prevalence does to
 * the predictive values, calibration, and the baseline to beat.
 */
@Route("evaluation")
@PermitAll
public class EvaluationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    /** One metric row: name, estimate, and what it means at the bedside. */
    record Row(String metric, Estimate estimate, String meaning) {}

    final Input threshold = new Input(ValueChangeMode.EAGER);
    final Span thresholdValue = new Span();
    final Input prevalence = new Input(ValueChangeMode.EAGER);
    final Paragraph prevalenceText = new Paragraph();
    final Grid<Row> metrics = new Grid<>();
    final Div confusion = new Div();
    final Div roc = new Div();
    final Grid<Prediction> wrong = new Grid<>();
    final Div subgroups = new Div();
    final Div decisionCurve = new Div();
    final Paragraph decisionText = new Paragraph();
    private transient List<float[]> inputs;
    /** A signal dataset's units, for explanations' amplitude axis; null for other data. */
    private String signalUnits;

    final Div explanation = new Div();
    final Anchor cardMarkdown = new Anchor("", "Model card (Markdown)");
    final Anchor cardHtml = new Anchor("", "Model card (HTML)");
    private final transient EvaluationService evaluations;
    private final transient RunService runs;
    private final transient DatasetService datasets;
    private final transient ThresholdLocks locks;
    private final transient org.deeprounds.evaluation.reader.ReaderStudies readerStudies;
    private long id;
    private Evaluation current;
    /** The owner has locked no threshold yet: the page shows the validation split, where one is chosen. */
    private boolean choosing;

    private ThresholdLocks.Locked lock;
    private final List<Runnable> lockListeners = new java.util.ArrayList<>();
    private final List<java.util.function.DoubleConsumer> thresholdListeners = new java.util.ArrayList<>();

    public EvaluationView(
            EvaluationService evaluations,
            RunService runs,
            DatasetService datasets,
            ThresholdLocks locks,
            org.deeprounds.evaluation.reader.ReaderStudies readerStudies) {
        this.evaluations = evaluations;
        this.locks = locks;
        this.readerStudies = readerStudies;
        this.runs = runs;
        this.datasets = datasets;
        threshold.setId("threshold");
        configureRange(threshold, 0, 1, 0.01);
        threshold.addValueChangeListener(e -> show(parse(e.getValue(), 0.5)));
        threshold.addValueChangeListener(e -> thresholdListeners.forEach(l -> l.accept(parse(e.getValue(), 0.5))));
        thresholdValue.setId("threshold-value");
        prevalence.setId("prevalence");
        configureRange(prevalence, 0.01, 0.99, 0.01);
        prevalence.addValueChangeListener(e -> updatePrevalence());
        prevalenceText.setId("prevalence-text");
        metrics.setId("metrics");
        metrics.addColumn(Row::metric).setHeader("Metric").setAutoWidth(true).setFrozen(true);
        metrics.addColumn(r -> percent(r.estimate().value())).setHeader("Value").setAutoWidth(true);
        metrics.addColumn(r -> interval(r.estimate())).setHeader("95% interval").setAutoWidth(true);
        // Never squeezed to a word a line: on a phone the grid scrolls sideways in its own box instead.
        metrics.addColumn(Row::meaning)
                .setHeader("What it means")
                .setWidth("20em")
                .setFlexGrow(1);
        metrics.setAllRowsVisible(true);
        metrics.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        confusion.setId("confusion");
        roc.setId("roc-chart");
        wrong.setId("misclassified");
        wrong.addColumn(Prediction::label).setHeader("Case").setAutoWidth(true);
        wrong.addColumn(Prediction::trueLabel).setHeader("Truly").setAutoWidth(true);
        wrong.addColumn(p -> called(p, current.classes())).setHeader("Called").setAutoWidth(true);
        wrong.addColumn(p -> p.probabilities().entrySet().stream()
                        .map(entry -> entry.getKey() + " " + percent(entry.getValue()))
                        .collect(java.util.stream.Collectors.joining(", ")))
                .setHeader("The network's probabilities");
        wrong.addComponentColumn(p -> new Button("Explain", e -> explain(p)))
                .setHeader("")
                .setAutoWidth(true);
        wrong.setHeight("16em");
        wrong.addThemeVariants(GridVariant.LUMO_COMPACT);
        explanation.setWidthFull();
        cardMarkdown.setId("model-card-markdown");
        cardHtml.setId("model-card-html");
        cardMarkdown.getElement().setAttribute("download", true);
        cardHtml.getElement().setAttribute("download", true);
    }

    /** Moves the threshold, as the slider does (a lesson's threshold field typed by the trainee). */
    public void setThreshold(double value) {
        if (current != null && current.classes().size() == 2 && value >= 0 && value <= 1) {
            moveTo(value);
        }
    }

    /** Tells a lesson when the trainee has locked a threshold. */
    public void addLockListener(Runnable listener) {
        lockListeners.add(listener);
    }

    /** Tells a lesson which threshold the trainee has set on the page. */
    public void addThresholdListener(java.util.function.DoubleConsumer listener) {
        thresholdListeners.add(listener);
    }

    private static void configureRange(Input input, double min, double max, double step) {
        input.setType("range");
        input.getElement().setAttribute("min", Double.toString(min));
        input.getElement().setAttribute("max", Double.toString(max));
        input.getElement().setAttribute("step", Double.toString(step));
        input.setWidth("22em");
        input.setMaxWidth("100%");
    }

    @Override
    public String getPageTitle() {
        return "Evaluation of run " + id;
    }

    @Override
    public void setParameter(BeforeEvent event, Long runId) {
        open(runId);
    }

    /** Shows the evaluation of this run (the evaluation page, or a lesson's evaluate step). */
    public void open(long runId) {
        this.id = runId;
        removeAll();
        try {
            var run = runs.get(runId);
            var dataset = datasets.get(run.datasetId());
            lock = locks.of(runId).orElse(null);
            choosing = dataset.classes().size() == 2
                    && lock == null
                    && run.status() == org.deeprounds.training.RunStatus.COMPLETED
                    && locks.mayLock(runId)
                    && !locks.testShown(runId);
            current = choosing ? evaluations.evaluateValidation(runId, null) : evaluations.evaluate(runId, null);
            layout(dataset);
            if (current.classes().size() == 2) {
                show(lock == null ? 0.5 : lock.threshold());
            }
        } catch (NoSuchElementException | IllegalStateException e) {
            add(new H2("Nothing to evaluate"), new Paragraph(e.getMessage()));
        }
    }

    private void layout(DatasetInfo dataset) {
        add(new H2(
                choosing
                        ? "Run " + id + ": choose a threshold on the validation split"
                        : "Run " + id + " on the test split"));
        if (dataset.synthetic()) {
            var warning = new Paragraph("SYNTHETIC data: these numbers say how well the network learned a made-up"
                    + " pattern, nothing about patients.");
            warning.setId("synthetic-warning");
            warning.getStyle().set("color", "var(--lumo-error-text-color)");
            add(warning);
        }
        if (choosing) {
            add(new Paragraph("These figures are on the " + current.cases() + " validation cases of " + dataset.name()
                    + " (" + dataset.licence() + "). Choose the threshold here, for the use you have in mind, and"
                    + " lock it: only then does the page open the test split, once, at the locked threshold. A"
                    + " threshold chosen while watching the test figures would make them optimistic. Not for"
                    + " clinical use."));
            add(lockPanel());
        } else {
            add(new Paragraph("Measured once, after training, on " + current.cases() + " held-out test cases of "
                    + dataset.name() + " (" + dataset.licence() + "). No choice made during training saw them, so"
                    + " these are honest estimates; the intervals show how much a test set this size can tell."
                    + " Validation numbers are on the run's page. Not for clinical use."));
            if (current.classes().size() == 2) {
                add(lockBanner());
            }
            cardLinks(null);
            var export = new HorizontalLayout(new Span("Export at the chosen threshold:"), cardMarkdown, cardHtml);
            export.setWrap(true);
            add(export);
        }
        if (current.classes().size() != 2) {
            layoutMultiClass();
            return;
        }
        var ruleOut = new Button(
                "Rule-out (sensitivity ≥ 95%)", e -> moveTo(current.presets().ruleOut()));
        var ruleIn = new Button(
                "Rule-in (specificity ≥ 95%)", e -> moveTo(current.presets().ruleIn()));
        var half = new Button("0.5", e -> moveTo(0.5));
        ruleOut.setEnabled(current.presets().ruleOut() != null);
        ruleIn.setEnabled(current.presets().ruleIn() != null);
        var slider = new HorizontalLayout(new Span("Threshold"), threshold, thresholdValue, ruleOut, ruleIn, half);
        slider.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        slider.setWrap(true); // on a phone the presets go under the slider
        var matrixAndCurve = new HorizontalLayout(confusion, roc);
        matrixAndCurve.setWrap(true);
        add(
                new H3(
                        choosing || lock == null
                                ? "Choose the threshold"
                                : "Explore other thresholds (the lock stays at " + format(lock.threshold()) + ")"),
                new Paragraph("A case is called '" + current.positiveClass() + "' when the network's probability is at"
                        + " least the threshold. Lower it to miss fewer cases (screening, rule-out); raise it for fewer"
                        + " false alarms (confirming, rule-in)."),
                slider,
                presetNotes(current.presets()),
                metrics,
                matrixAndCurve);
        var prevalenceRow = new HorizontalLayout(new Span("Prevalence"), prevalence, prevalenceText);
        prevalenceRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        prevalenceRow.setWrap(true);
        prevalence.setValue(format(current.prevalence()));
        add(
                new H3("Who is tested changes what a result means"),
                new Paragraph("Sensitivity and specificity belong to the test; the predictive values also depend on how"
                        + " common the condition is among those tested (Bayes' rule). The "
                        + ("validation".equals(current.split()) ? "validation" : "test") + " split's prevalence is "
                        + percent(current.prevalence()) + "; a screening clinic may see far less."),
                prevalenceRow);
        var calibration = current.calibration();
        var calibrationChart = new Div(EvaluationCharts.reliability(calibration));
        calibrationChart.setId("calibration-chart");
        add(
                new H3("Calibration: can the probabilities be taken at their word?"),
                new Paragraph(String.format(
                        Locale.ROOT,
                        "Brier score %.3f (0 is perfect; always saying %.2f would score %.3f). Expected calibration"
                                + " error %.3f: on average the stated probability is off by this much. Dots on the"
                                + " diagonal mean a 70%% prediction comes true about 70%% of the time; dots below it"
                                + " mean the network is over-confident.",
                        calibration.brier(),
                        current.prevalence(),
                        current.prevalence() * (1 - current.prevalence()),
                        calibration.ece())),
                calibrationChart);
        if (choosing) {
            return;
        }
        decisionCurve.setId("decision-curve");
        decisionText.setId("net-benefit-text");
        add(
                new H3("Decision curve: is acting on the model better than treating everyone, or no one?"),
                new Paragraph(
                        "A threshold probability is an exchange rate: at 0.20 the odds are 0.20/0.80, one to four, so"
                                + " finding one case is worth four needless treatments and each false alarm counts as a quarter"
                                + " of a case. Net benefit is the cases found per patient less the false alarms weighted that"
                                + " way. Blue: acting on the model's calls; dashed: treating everyone; the flat line: treating"
                                + " no one. The model is worth using where its curve lies above both; the orange line is your"
                                + " threshold."),
                decisionCurve,
                decisionText);
        add(baselines());
        if (!current.subgroups().isEmpty()) {
            subgroups.setId("subgroups");
            subgroups.setWidthFull();
            add(
                    new H3("Subgroups: is the test as good for everyone?"),
                    new Paragraph("The same metrics within each group of the sensitive columns, at the threshold"
                            + " above. Groups are smaller than the whole test set, so their intervals are wider."),
                    subgroups);
        }
        addCaseSection();
        add(readerStudySection());
    }

    /** Where a trainee measures themself against this model: their reader studies of it, and a new one. */
    private Div readerStudySection() {
        var section = new Div();
        section.setId("reader-studies");
        section.setWidthFull();
        section.add(
                new H3("You against the model: a reader study"),
                new Paragraph("Read test cases yourself, first without the model and then with its probability, and"
                        + " see your own sensitivity and specificity as points on its ROC curve, and how often its"
                        + " advice changed your right calls into wrong ones."));
        for (var study : readerStudies.ofRun(id)) {
            var link = new com.vaadin.flow.component.html.Anchor(
                    "reader-study/" + study.id(),
                    "Reader study " + study.id() + " (" + study.reader() + "): " + study.cases() + " cases, "
                            + (study.done()
                                    ? "finished"
                                    : study.unassistedRead() + study.assistedRead() + " of " + 2 * study.cases()
                                            + " reads"));
            section.add(new Div(link));
        }
        var cases = new com.vaadin.flow.component.textfield.IntegerField("Cases to read");
        cases.setId("reader-cases");
        cases.setMin(2);
        cases.setMax(Math.min(org.deeprounds.evaluation.reader.ReaderStudies.MAX_CASES, current.cases()));
        cases.setValue(Math.min(10, current.cases()));
        cases.setStepButtonsVisible(true);
        var start = new Button("Start a reader study", e -> {
            try {
                var study = readerStudies.create(
                        id,
                        cases.getValue() == null ? 10 : cases.getValue(),
                        new java.util.Random().nextInt(1_000_000));
                getUI().ifPresent(ui -> ui.navigate("reader-study/" + study.id()));
            } catch (IllegalArgumentException
                    | IllegalStateException
                    | org.springframework.security.access.AccessDeniedException ex) {
                com.vaadin.flow.component.notification.Notification.show(ex.getMessage());
            }
        });
        start.setId("start-reader-study");
        var row = new HorizontalLayout(cases, start);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        section.add(row);
        return section;
    }

    /** Locks the slider's threshold for this run, then opens the test split at it. */
    private Div lockPanel() {
        var lockIt = new Button("Lock this threshold", e -> lockAt(parse(threshold.getValue(), 0.5)));
        lockIt.setId("lock-threshold");
        lockIt.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        var peek = new Button("Open the test split without locking", e -> {
            locks.testOpened(id);
            open(id);
        });
        peek.setId("open-test");
        peek.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        var row = new HorizontalLayout(lockIt, peek);
        row.setWrap(true);
        var note = new Paragraph("Opening the test split first is allowed, but a threshold locked after it is"
                + " recorded as chosen on the test split, and lesson checks that ask for a validation choice fail.");
        note.getStyle().set("font-size", "var(--lumo-font-size-s)");
        var panel = new Div(row, note);
        panel.setId("lock-panel");
        return panel;
    }

    private void lockAt(double at) {
        try {
            locks.lock(id, at, null);
            com.vaadin.flow.component.notification.Notification.show("Threshold " + format(at) + " locked.");
            open(id);
            lockListeners.forEach(Runnable::run);
        } catch (IllegalArgumentException | IllegalStateException e) {
            com.vaadin.flow.component.notification.Notification.show(e.getMessage());
        }
    }

    /** Where the run's threshold stands: locked on validation, locked after seeing the test split, or not locked. */
    private Div lockBanner() {
        var banner = new Div();
        banner.setId("threshold-lock");
        if (lock == null) {
            banner.add(new Paragraph("No threshold is locked for this run: these test figures move with the slider,"
                    + " and a threshold locked now is recorded as chosen on the test split."));
            if (locks.mayLock(id)) {
                var lockIt = new Button(
                        "Lock the slider's threshold (chosen on the test split)",
                        e -> lockAt(parse(threshold.getValue(), 0.5)));
                lockIt.setId("lock-threshold");
                banner.add(lockIt);
            }
            banner.getStyle().set("color", "var(--lumo-error-text-color)");
            return banner;
        }
        var when = lock.lockedAt() == null
                ? ""
                : " on " + lock.lockedAt().toString().substring(0, 10);
        if (lock.chosenOnValidation()) {
            banner.add(new Paragraph("Threshold " + format(lock.threshold()) + " was chosen on the validation split and"
                    + " locked" + when + " by " + lock.lockedBy() + ", before the test split was opened. The figures"
                    + " below start at it; moving the slider explores the test split and leaves the lock as it is."));
        } else {
            banner.add(new Paragraph("Threshold " + format(lock.threshold()) + " was locked" + when + " by "
                    + lock.lockedBy() + " after the test figures had been shown: chosen after seeing the test split,"
                    + " so the test figures at it are optimistic."));
            banner.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        return banner;
    }

    /** What each preset aims for, where the validation split put it, and what it achieves on this test split. */
    static Div presetNotes(Evaluation.Presets presets) {
        var notes = new Div();
        notes.setId("preset-notes");
        for (var preset : List.of(presets.ruleOutPreset(), presets.ruleInPreset())) {
            var aim = new Span(preset.aim() + ". ");
            aim.getStyle().set("font-weight", "bold");
            var text = preset.threshold() == null
                    ? preset.reading()
                    : preset.testSensitivity() == null
                            ? "Threshold " + format(preset.threshold()) + ". " + preset.reading()
                            : "Threshold " + format(preset.threshold()) + ". " + preset.reading()
                                    + " On this test split: sensitivity " + percent(preset.testSensitivity())
                                    + ", specificity " + percent(preset.testSpecificity()) + ".";
            notes.add(new Paragraph(aim, new Span(text)));
        }
        return notes;
    }

    /** A small picture of the case, to recognise it in the list. */
    private com.vaadin.flow.component.Component preview(Prediction p, DatasetSummary summary, InputShape shape) {
        if (inputs == null) {
            inputs = evaluations.caseInputs(id);
        }
        var features = inputs.get(Integer.parseInt(p.caseId().substring(5)) - 1);
        return CaseThumbnails.of(features, summary, shape, p.caseId());
    }

    private void addCaseSection() {
        add(
                new H3("Cases it got wrong"),
                new Paragraph("Errors teach most: open one to see what the network looked at."),
                wrong,
                explanation);
        var run = runs.get(id);
        var summary = runs.withDataOf(id, () -> datasets.summary(run.datasetId()));
        switch (summary.data()) {
            case ModalityData.Images _, ModalityData.Dna _ ->
                addPreviewColumn(summary, run.spec().input());
            case ModalityData.Signals(var signal) -> {
                signalUnits = signal.units();
                addPreviewColumn(summary, run.spec().input());
            }
            case ModalityData.Table _ -> addFeatureImportance();
        }
        updateWrong();
        add(new TryCaseSection(evaluations, id, summary));
    }

    /** Puts a small picture of each case first in the list of cases it got wrong. */
    private void addPreviewColumn(DatasetSummary summary, InputShape shape) {
        if (wrong.getColumnByKey("preview") != null) {
            return;
        }
        wrong.addComponentColumn(p -> preview(p, summary, shape))
                .setKey("preview")
                .setHeader("Case")
                .setAutoWidth(true);
        var order = new java.util.ArrayList<Grid.Column<Prediction>>();
        order.add(wrong.getColumnByKey("preview"));
        wrong.getColumns().stream().filter(c -> !"preview".equals(c.getKey())).forEach(order::add);
        wrong.setColumnOrder(order);
    }

    private void addFeatureImportance() {
        var importance = new Grid<FeatureImportance>();
        importance.setId("feature-importance");
        importance.addColumn(FeatureImportance::feature).setHeader("Column");
        importance
                .addColumn(f -> String.format(Locale.ROOT, "%.3f ± %.3f", f.drop(), f.spread()))
                .setHeader("Drop in test AUC when shuffled");
        importance.setItems(evaluations.featureImportance(id));
        importance.setAllRowsVisible(true);
        importance.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(
                new H3("Which columns matter (permutation importance)"),
                new Paragraph("Shuffling a column among the test patients breaks its link to the outcome; the"
                        + " larger the drop, the more the network relies on it. Correlated columns share their"
                        + " importance, so a small drop does not prove a column is clinically irrelevant."),
                importance);
    }

    private void updateSubgroups() {
        subgroups.removeAll();
        for (var report : current.subgroups()) {
            var grid = new Grid<org.deeprounds.evaluation.SubgroupReport.Group>();
            grid.setId("subgroup-" + report.column());
            grid.addColumn(org.deeprounds.evaluation.SubgroupReport.Group::group)
                    .setHeader("Group");
            grid.addColumn(org.deeprounds.evaluation.SubgroupReport.Group::cases)
                    .setHeader("Test cases");
            grid.addColumn(org.deeprounds.evaluation.SubgroupReport.Group::positives)
                    .setHeader("With the condition");
            grid.addColumn(g -> percent(g.prevalence())).setHeader("Prevalence");
            grid.addColumn(g -> percent(g.sensitivity().value()) + " " + interval(g.sensitivity()))
                    .setHeader("Sensitivity");
            grid.addColumn(g -> percent(g.specificity().value()) + " " + interval(g.specificity()))
                    .setHeader("Specificity");
            grid.addColumn(g -> percent(g.auc().value())).setHeader("AUC");
            grid.setItems(report.groups());
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            var reading = new Paragraph(report.reading());
            if (report.sensitivityGap() != null && report.sensitivityGap() >= 0.10) {
                reading.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            subgroups.add(new H3("By " + report.column()), grid, reading);
            if (report.smallSampleWarning() != null) {
                var warning = new Paragraph(report.smallSampleWarning());
                warning.setId("small-sample-" + report.column());
                warning.getStyle().set("color", "var(--lumo-error-text-color)");
                subgroups.add(warning);
            }
        }
    }

    /** Only the cases of one off-diagonal cell: truly {@code truth}, called {@code called}. */
    private void showCell(String truth, String called) {
        var classes = current.classes();
        wrong.setItems(evaluations.predictions(id).stream()
                .filter(p -> p.trueLabel().equals(truth) && called(p, classes).equals(called))
                .toList());
    }

    private void updateWrong() {
        var classes = current.classes();
        var predictions = evaluations.predictions(id);
        wrong.setItems(predictions.stream()
                .filter(p -> !called(p, classes).equals(p.trueLabel()))
                .toList());
    }

    /** The label the network gives a case: by threshold for two classes, else the most probable. */
    private String called(Prediction p, List<String> classes) {
        if (classes.size() == 2 && current.threshold() != null) {
            var positive = current.positiveClass();
            var other = classes.get(0).equals(positive) ? classes.get(1) : classes.get(0);
            return p.probabilities().get(positive) >= current.threshold() ? positive : other;
        }
        return p.probabilities().entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    private void explain(Prediction p) {
        explanation.removeAll();
        explanation.add(new ExplanationPanel(evaluations.explain(id, p.caseId()), p.label(), signalUnits));
    }

    private void layoutMultiClass() {
        var perClass = new Grid<Evaluation.PerClass>();
        perClass.setId("per-class");
        perClass.addColumn(Evaluation.PerClass::label).setHeader("Class");
        perClass.addColumn(Evaluation.PerClass::support).setHeader("Test cases");
        perClass.addColumn(p -> percent(p.auc().value())).setHeader("AUC (one vs rest)");
        perClass.addColumn(p -> percent(p.sensitivity().value()) + " " + interval(p.sensitivity()))
                .setHeader("Sensitivity (recall)");
        perClass.addColumn(p -> percent(p.ppv().value()) + " " + interval(p.ppv()))
                .setHeader("PPV (precision)");
        perClass.setItems(current.perClass());
        perClass.setAllRowsVisible(true);
        // A grid of cells; an off-diagonal cell is a button that lists its cases below, to open and explain.
        int k = current.classes().size();
        confusion
                .getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(" + (k + 1) + ", max-content)")
                .set("gap", "2px 12px");
        confusion.add(new Span("true \\ predicted"));
        current.classes().forEach(c -> confusion.add(new Span(c)));
        for (int r = 0; r < k; r++) {
            confusion.add(new Span(current.classes().get(r)));
            for (int c = 0; c < k; c++) {
                long count = current.matrix()[r][c];
                if (r == c || count == 0) {
                    var cell = new Span(Long.toString(count));
                    if (r == c) {
                        cell.getStyle().set("font-weight", "bold");
                    }
                    confusion.add(cell);
                } else {
                    var truth = current.classes().get(r);
                    var called = current.classes().get(c);
                    var cell = new Button(Long.toString(count), e -> showCell(truth, called));
                    cell.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
                    cell.getElement().setAttribute("title", count + " '" + truth + "' called '" + called + "'");
                    confusion.add(cell);
                }
            }
        }
        add(
                new Paragraph("Accuracy " + percent(current.accuracy().value()) + " " + interval(current.accuracy())
                        + "; macro-averaged one-vs-rest AUC " + percent(current.macroAuc())
                        + " (the MedMNIST convention)."),
                perClass,
                new H3("Confusion matrix"),
                confusion,
                baselines());
        addCaseSection();
    }

    private Grid<Evaluation.Baseline> baselines() {
        var grid = new Grid<Evaluation.Baseline>();
        grid.setId("baselines");
        grid.addColumn(Evaluation.Baseline::name).setHeader("Baseline");
        grid.addColumn(b -> percent(b.accuracy())).setHeader("Accuracy");
        grid.addColumn(b -> percent(b.auc())).setHeader("AUC");
        grid.addColumn(Evaluation.Baseline::description).setHeader("Rule");
        grid.setItems(current.baselines());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        return grid;
    }

    private void moveTo(Double value) {
        if (value != null) {
            threshold.setValue(format(value));
            show(value);
        }
    }

    void show(double at) {
        current = choosing ? evaluations.evaluateValidation(id, at) : evaluations.evaluate(id, at);
        if (!format(at).equals(threshold.getValue())) {
            threshold.setValue(format(at));
        }
        thresholdValue.setText(format(at));
        cardLinks(at);
        metrics.setItems(List.of(
                new Row("Sensitivity", current.sensitivity(), "Of the patients who have it, the share the test finds."),
                new Row("Specificity", current.specificity(), "Of those who do not, the share the test clears."),
                new Row("PPV", current.ppv(), "Of the positive calls, the share that are right (at this prevalence)."),
                new Row("NPV", current.npv(), "Of the negative calls, the share that are right (at this prevalence)."),
                new Row("Accuracy", current.accuracy(), "Share of all calls that are right; misleading when rare."),
                new Row("Balanced accuracy", current.balancedAccuracy(), "Mean of sensitivity and specificity."),
                new Row("F1", current.f1(), "Harmonic mean of PPV and sensitivity."),
                new Row(
                        "AUC",
                        current.auc(),
                        "Chance a random patient with it scores above one without; threshold-free.")));
        var c = current.confusionMatrix();
        confusion
                .getElement()
                .setProperty(
                        "innerHTML",
                        String.format(
                                Locale.ROOT,
                                "<table class='confusion'><tr><th></th><th>has %1$s</th><th>does not</th></tr>"
                                        + "<tr><th>called %1$s</th><td id='tp'>%2$s</td><td id='fp'>%3$s</td></tr>"
                                        + "<tr><th>called not</th><td id='fn'>%4$s (missed)</td>"
                                        + "<td id='tn'>%5$s</td></tr></table>",
                                escape(current.positiveClass()),
                                Plural.of(c.tp(), "true positive"),
                                Plural.of(c.fp(), "false positive"),
                                Plural.of(c.fn(), "false negative"),
                                Plural.of(c.tn(), "true negative")));
        double fpr = 1 - valueOr(current.specificity(), 1);
        double tpr = valueOr(current.sensitivity(), 0);
        roc.removeAll();
        roc.add(EvaluationCharts.roc(current.roc(), fpr, tpr, current.auc().value()));
        updatePrevalence();
        if (decisionCurve.getParent().isPresent()
                && at < 1
                && current.netBenefit() != null
                && !current.netBenefit().isEmpty()) {
            decisionCurve.removeAll();
            decisionCurve.add(EvaluationCharts.decisionCurve(current.netBenefit(), at, current.prevalence()));
            double model = org.deeprounds.evaluation.NetBenefit.of(c.tp(), c.fp(), current.cases(), at);
            double all = org.deeprounds.evaluation.NetBenefit.treatAll(current.prevalence(), at);
            decisionText.setText(String.format(
                    Locale.ROOT,
                    "At threshold %.2f: net benefit %.3f with the model, %.3f treating everyone, 0 treating no one:"
                            + " %s.",
                    at,
                    model,
                    all,
                    model > Math.max(0, all)
                            ? "acting on the model's calls does more good than either"
                            : "at this threshold the model adds nothing over the simpler choices"));
        }
        if (wrong.getParent().isPresent()) {
            updateWrong();
        }
        if (subgroups.getParent().isPresent()) {
            updateSubgroups();
        }
    }

    /** The API serves the card; the browser's session signs the request. */
    private void cardLinks(Double at) {
        var query = at == null ? "" : "&threshold=" + format(at);
        cardMarkdown.setHref("api/v1/runs/" + id + "/model-card?format=markdown" + query);
        cardHtml.setHref("api/v1/runs/" + id + "/model-card?format=html" + query);
    }

    private void updatePrevalence() {
        if (current == null
                || current.sensitivity() == null
                || !current.sensitivity().defined()
                || !current.specificity().defined()) {
            prevalenceText.setText("");
            return;
        }
        double p = parse(prevalence.getValue(), current.prevalence());
        double sens = current.sensitivity().value();
        double spec = current.specificity().value();
        double ppv = sens * p / (sens * p + (1 - spec) * (1 - p));
        double npv = spec * (1 - p) / (spec * (1 - p) + (1 - sens) * p);
        prevalenceText.setText(String.format(
                Locale.ROOT,
                "If %s of those tested had %s: PPV %s, NPV %s. Of 1,000 people tested, about %d positive calls, of"
                        + " which %d are right.",
                percent(p),
                current.positiveClass(),
                percent(ppv),
                percent(npv),
                Math.round(1000 * (sens * p + (1 - spec) * (1 - p))),
                Math.round(1000 * sens * p)));
    }

    private static double valueOr(Estimate e, double fallback) {
        return e.defined() ? e.value() : fallback;
    }

    static double parse(String text, double fallback) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : fallback;
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(Double value) {
        return value == null || !Double.isFinite(value) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    static String interval(Estimate e) {
        return e.defined() && e.ciLow() != null
                ? String.format(Locale.ROOT, "%.1f–%.1f%% (%s)", 100 * e.ciLow(), 100 * e.ciHigh(), e.method())
                : "–";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
