package org.deeprounds.evaluation.reader.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.deeprounds.base.ui.MainLayout;
import org.deeprounds.base.ui.SignalTrace;
import org.deeprounds.evaluation.reader.Phase;
import org.deeprounds.evaluation.reader.ReaderCase;
import org.deeprounds.evaluation.reader.ReaderStudies;
import org.deeprounds.evaluation.ui.ExplanationPanel;

/**
 * A reader study as the trainee meets it: one case at a time, a call and a confidence; the whole round without the
 * model, then the same cases shuffled with its probability; then their own point on the model's ROC curve.
 */
@Route(value = "reader-study", layout = MainLayout.class)
@PermitAll
public class ReaderStudyView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final List<Integer> CONFIDENCE = List.of(1, 2, 3, 4, 5);

    /** A beat tall enough to read its P, QRS and T waves. */
    private static final int BEAT_HEIGHT = 180;

    private final transient ReaderStudies studies;
    private long id;
    private final List<Runnable> finishedListeners = new java.util.ArrayList<>();

    public ReaderStudyView(ReaderStudies studies) {
        this.studies = studies;
        setMaxWidth("60em");
    }

    @Override
    public String getPageTitle() {
        return "Reader study " + id;
    }

    @Override
    public void setParameter(BeforeEvent event, Long studyId) {
        open(studyId);
    }

    /** Tells a lesson when the reader has finished both rounds. */
    public void addFinishedListener(Runnable listener) {
        finishedListeners.add(listener);
    }

    /** Shows the study where its reader is: the next unread case of the first round, then the second, then results. */
    public void open(long studyId) {
        this.id = studyId;
        removeAll();
        try {
            var summary = studies.get(studyId);
            if (!summary.done() && !studies.isReader(studyId)) {
                add(
                        new H2("Reader study " + studyId),
                        new Paragraph(summary.reader() + " reads this study: " + summary.unassistedRead() + " of "
                                + summary.cases() + " cases read without the model, " + summary.assistedRead()
                                + " with it. The results appear here once both rounds are read."));
                return;
            }
            if (!summary.unassistedDone()) {
                showNext(Phase.UNASSISTED);
            } else if (!summary.done()) {
                showNext(Phase.ASSISTED);
            } else {
                showResults();
            }
        } catch (NoSuchElementException e) {
            add(new H2("No such reader study"), new Paragraph(e.getMessage()));
        }
    }

    private void showNext(Phase phase) {
        var next = studies.order(id, phase).stream()
                .filter(c -> studies.readOf(id, c, phase).isEmpty())
                .findFirst()
                .orElseThrow();
        showCase(studies.caseView(id, next, phase));
    }

    private void showCase(ReaderCase c) {
        removeAll();
        boolean assisted = c.phase().equals(Phase.ASSISTED.key());
        add(new H2(assisted ? "Round 2 of 2: the same cases, with the model" : "Round 1 of 2: your own reading"));
        var progress = new Paragraph("Case " + c.position() + " of " + c.cases() + ". "
                + (assisted
                        ? "The model's probability is shown; keep your call or change it."
                        : "Call each case as you would in practice, and say how sure you are."));
        progress.setId("reader-progress");
        add(progress);
        add(content(c));
        if (assisted) {
            var advice = new Paragraph(String.format(
                    Locale.ROOT,
                    "The model's probability of '%s': %.0f%%.",
                    c.positiveClass(),
                    100 * c.modelProbability()));
            advice.setId("model-advice");
            advice.getStyle().set("font-weight", "bold");
            var explanation = new Div();
            explanation.setWidthFull();
            var why = new Button("Show why the model says so", e -> {
                explanation.removeAll();
                explanation.add(ExplanationPanel.titled(
                        studies.explanation(id, c.caseId()),
                        "Why the model gives " + c.caseId() + " this probability",
                        c.units()));
            });
            why.setId("show-explanation");
            why.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(advice, why, explanation);
        }
        var call = new RadioButtonGroup<String>("Your call");
        call.setId("reader-call");
        call.setItems(c.classes());
        var sure = new RadioButtonGroup<Integer>("How sure are you?");
        sure.setId("reader-confidence");
        sure.setItems(CONFIDENCE);
        sure.setItemLabelGenerator(k -> switch (k) {
            case 1 -> "1 unsure";
            case 5 -> "5 certain";
            default -> Integer.toString(k);
        });
        if (assisted) {
            studies.readOf(id, c.caseId(), Phase.UNASSISTED).ifPresent(first -> {
                call.setValue(first.getKey());
                sure.setValue(first.getValue());
            });
        }
        var problem = new Paragraph();
        problem.setId("reader-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        var save = new Button("Save and next", e -> {
            if (call.getValue() == null || sure.getValue() == null) {
                problem.setText(call.getValue() == null ? "Choose a call first." : "Say how sure you are first.");
                return;
            }
            studies.read(id, c.caseId(), Phase.of(c.phase()), call.getValue(), sure.getValue());
            open(id);
            if (studies.get(id).done()) {
                finishedListeners.forEach(Runnable::run);
            }
        });
        save.setId("reader-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(call, sure, problem, save);
    }

    /** The film, the patient's row as a card, the sequence or the beat: what the clinician reads, nothing more. */
    private com.vaadin.flow.component.Component content(ReaderCase c) {
        var box = new Div();
        box.setId("reader-case");
        switch (c.modality()) {
            case "imaging" -> {
                var film = new Image("data:image/png;base64," + c.imagePng(), "the film to read");
                film.setWidth("min(20em, 80vw)");
                film.getStyle().set("image-rendering", "pixelated").set("aspect-ratio", c.width() + " / " + c.height());
                box.add(film);
            }
            case "signal" -> {
                var beat = SignalTrace.of(c.samplingFrequency())
                        .units(c.units())
                        .leads(c.leads(), c.signal())
                        .peaks(c.rPeak() == null ? new int[0] : new int[] {c.rPeak()}, "the beat's R peak")
                        .chosenPeak(0)
                        .paperGrid()
                        .height(BEAT_HEIGHT)
                        .caption("The beat to read")
                        .build();
                beat.setMaxWidth("40em");
                box.setWidthFull(); // the trace takes the width it is given
                box.add(beat);
            }
            case "genomics" -> {
                var sequence = new Paragraph(c.sequence());
                sequence.getStyle()
                        .set("font-family", "monospace")
                        .set("overflow-wrap", "anywhere")
                        .set("letter-spacing", "0.1em");
                box.add(sequence);
            }
            default -> {
                var card = new Div();
                card.getStyle()
                        .set("display", "grid")
                        .set("grid-template-columns", "repeat(auto-fill, minmax(14em, 1fr))")
                        .set("gap", "0.2em 1em");
                c.values().forEach((column, value) -> {
                    var name = new Span(column.replace('_', ' ') + ": ");
                    name.getStyle().set("color", "var(--lumo-secondary-text-color)");
                    card.add(new Div(name, new Span(value)));
                });
                box.add(card);
            }
        }
        return box;
    }

    private void showResults() {
        var r = studies.results(id);
        add(new H2("You against the model: " + r.cases() + " cases"));
        var grid = new Grid<Row>();
        grid.setId("reader-results");
        grid.addColumn(Row::who).setHeader("Reader").setAutoWidth(true);
        grid.addColumn(Row::sensitivity).setHeader("Sensitivity (95% interval)").setAutoWidth(true);
        grid.addColumn(Row::specificity).setHeader("Specificity (95% interval)").setAutoWidth(true);
        grid.setItems(
                new Row(
                        "You, without the model",
                        interval(r.unassisted().sensitivity(), r.unassisted().sensitivityCi()),
                        interval(r.unassisted().specificity(), r.unassisted().specificityCi())),
                new Row(
                        "You, with the model",
                        interval(r.assisted().sensitivity(), r.assisted().sensitivityCi()),
                        interval(r.assisted().specificity(), r.assisted().specificityCi())),
                new Row(
                        String.format(
                                Locale.ROOT,
                                "The model at %.2f%s",
                                r.model().threshold(),
                                r.model().thresholdLocked() ? " (locked)" : ""),
                        percent(r.model().sensitivity()),
                        percent(r.model().specificity())));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        var chart = new Div(ReaderCharts.roc(r));
        chart.setId("reader-roc");
        var legend = new Paragraph("Blue: the model's ROC curve on these cases, and its point at its threshold. Green"
                + " dashes: your own curve, from your calls and how sure you were (area "
                + (r.readerAuc().defined()
                        ? String.format(Locale.ROOT, "%.2f", r.readerAuc().value())
                        : "–")
                + "; the model's "
                + (r.model().auc() == null
                        ? "–"
                        : String.format(Locale.ROOT, "%.2f", r.model().auc()))
                + "). Orange dot: you without the model; red square: you with it. A point above and to the left of"
                + " the blue curve read these cases better than the model could at any threshold.");
        var s = r.switches();
        var bias = new Paragraph("Automation bias: the model's advice turned " + s.rightToWrong() + " of your right"
                + " calls into wrong ones, and " + s.wrongToRight() + " wrong calls into right ones (" + s.changed()
                + " changed in all). With only " + r.cases() + " cases, each figure is uncertain; the intervals"
                + " show how much.");
        bias.setId("automation-bias");
        var missed = new Paragraph(
                r.bothMissed().isEmpty()
                        ? "No case was missed by both you and the model."
                        : "Missed by both you (first round) and the model: " + String.join(", ", r.bothMissed())
                                + ". These are the cases to look at again, and to discuss.");
        missed.setId("both-missed");
        var layout = new HorizontalLayout(chart, new VerticalLayout(legend));
        layout.setWrap(true);
        add(
                grid,
                new H3("Your point on the model's ROC curve"),
                layout,
                new H3("What the model did to your calls"),
                bias,
                missed);
    }

    record Row(String who, String sensitivity, String specificity) {}

    private static String interval(Double value, List<Double> ci) {
        return percent(value)
                + (ci.size() == 2
                        ? String.format(Locale.ROOT, " (%.0f–%.0f%%)", 100 * ci.get(0), 100 * ci.get(1))
                        : "");
    }

    private static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * value);
    }
}
