package org.deeprounds.evaluation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.io.IOException;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.deeprounds.base.ui.SignalTrace;
import org.deeprounds.datasets.model.DatasetSummary.SignalSummary;
import org.deeprounds.datasets.signal.RecordingBeats;
import org.deeprounds.datasets.signal.ShippedRecording;
import org.deeprounds.evaluation.EvaluationService.CaseInput;

/**
 * "Try a case" on a real heart: the beats of the ECG recording shipped with DeepRounds, one at a time. A strip of
 * about six seconds around the chosen beat shows the R peaks the detector found and the window the network reads;
 * once the trainee asks, each beat they step to is also predicted and explained. The recording carries no beat
 * labels, so the network's calls can be looked at but never scored.
 */
final class RecordingBeatPanel extends Div {

    /** Long enough to show the beats before and after (prematurity, compensatory pause), short enough for a phone. */
    static final double STRIP_SECONDS = 6;

    private static final int STRIP_HEIGHT = 140;

    /** How many beats from the start are tried for a first beat with a whole window before it. */
    private static final int FIRST_BEATS_TRIED = 5;

    final IntegerField beat = new IntegerField("Beat");
    final Button previous = new Button("Previous");
    final Button next = new Button("Next");
    final Button explain = new Button("Predict and explain");
    private final Div strip = new Div();
    private final transient SignalSummary signal;
    private final transient BiConsumer<CaseInput, String> tryCase;
    private final transient Consumer<String> showError;
    private transient RecordingBeats recording;
    /** Once the trainee has asked for an explanation, every beat they move to is explained too. */
    private boolean explaining;

    /**
     * @param tryCase predicts and explains a case under a heading, showing any refusal in words
     * @param showError shows a message where the section's errors go
     */
    RecordingBeatPanel(SignalSummary signal, BiConsumer<CaseInput, String> tryCase, Consumer<String> showError) {
        this.signal = signal;
        this.tryCase = tryCase;
        this.showError = showError;
        setId("recording-beats");
        setWidthFull();
        getStyle().set("min-width", "0");
        add(new H4("Beats from a real recording"));
        add(provenance());
        var refusal = refusal(signal);
        if (refusal != null) {
            var why = new Paragraph(refusal);
            why.setId("recording-refused");
            add(why);
            return;
        }
        try {
            recording = RecordingBeats.shipped();
        } catch (IOException e) {
            showError.accept("The recording shipped with DeepRounds could not be read (" + e.getMessage()
                    + "), so its beats cannot be tried; paste a signal instead.");
            return;
        }
        add(notes(), controls(), strip);
        strip.setId("beat-strip");
        strip.setWidthFull();
        strip.getStyle().set("margin-bottom", "var(--lumo-space-m)");
        beat.setValue(firstWholeBeat());
    }

    private Div provenance() {
        var unannotated = new Paragraph("Unannotated: no beat of this copy carries a label, so the network's calls on"
                + " it cannot be scored: no accuracy, sensitivity or specificity can be computed here. Read each strip"
                + " yourself and judge the call as you would a colleague's.");
        unannotated.setId("recording-unannotated");
        unannotated.getStyle().set("font-weight", "600");
        var source = new Paragraph(ShippedRecording.PROVENANCE);
        source.setId("recording-provenance");
        var licence = new Paragraph("Licence: " + ShippedRecording.LICENCE);
        licence.setId("recording-licence");
        var citation = new Paragraph("Citation: " + ShippedRecording.CITATION);
        citation.setId("recording-citation");
        for (var small : new Paragraph[] {licence, citation}) {
            small.getStyle()
                    .set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
        }
        return new Div(source, unannotated, licence, citation);
    }

    /** Why this dataset's model cannot read the recording's beats, in words; null when it can. */
    static String refusal(SignalSummary signal) {
        if (signal.channels() != 1) {
            return "This network reads " + signal.channels() + " leads; the recording has one (" + ShippedRecording.LEAD
                    + "), so its beats cannot be tried here. Paste a signal below instead.";
        }
        if (signal.samplingFrequency() <= 0) {
            return "This dataset's sampling frequency is not known, so the recording's beats cannot be cut to match"
                    + " its examples. Import the dataset again with its sampling frequency to try them.";
        }
        return null;
    }

    /** What differs between the recording and the training data: worth knowing before trusting a call. */
    private Paragraph notes() {
        var text = new StringBuilder("The R peaks are found by a detector (" + recording.count() + " beats in"
                + " the recording); each beat is cut as the dataset's beats were");
        if (Math.abs(recording.samplingFrequency() - signal.samplingFrequency()) > 0.5) {
            text.append(String.format(
                    Locale.ROOT,
                    " and resampled from %.0f Hz to the dataset's %.0f Hz",
                    recording.samplingFrequency(),
                    signal.samplingFrequency()));
        }
        text.append(".");
        var lead = signal.leads().isEmpty() ? "" : signal.leads().getFirst();
        if (!lead.isBlank() && !lead.equalsIgnoreCase(ShippedRecording.LEAD)) {
            text.append(" The network learned on lead ")
                    .append(lead)
                    .append("; this recording is lead ")
                    .append(ShippedRecording.LEAD)
                    .append(", whose waves can differ in size and shape: a call on it deserves less trust.");
        }
        return new Paragraph(text.toString());
    }

    private HorizontalLayout controls() {
        beat.setId("beat-number");
        beat.setMin(1);
        beat.setMax(recording.count());
        beat.setStepButtonsVisible(true);
        beat.setHelperText("1 to " + recording.count());
        beat.setWidth("9em");
        beat.addValueChangeListener(e -> show(e.getValue()));
        previous.setId("beat-previous");
        next.setId("beat-next");
        previous.addClickListener(e -> step(-1));
        next.addClickListener(e -> step(1));
        explain.setId("try-go");
        explain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        explain.addClickListener(e -> {
            explaining = true;
            explainShown();
        });
        var row = new HorizontalLayout(previous, beat, next, explain);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void step(int by) {
        var now = beat.getValue() == null ? 1 : beat.getValue();
        beat.setValue(Math.max(1, Math.min(recording.count(), now + by)));
    }

    /** The strip around beat {@code n}, the network's window in it, and (once asked) the explanation of the beat. */
    private void show(Integer n) {
        strip.removeAll();
        if (n == null || n < 1 || n > recording.count()) {
            showError.accept("Choose a beat from 1 to " + recording.count() + ".");
            return;
        }
        showError.accept("");
        previous.setEnabled(n > 1);
        next.setEnabled(n < recording.count());
        var around = recording.strip(n, STRIP_SECONDS);
        int peak = around.chosen() >= 0 ? around.peaks()[around.chosen()] : around.values().length / 2;
        // The network's window, in the recording's samples: the dataset's samples before the R peak and length,
        // stretched by the ratio of the two sampling rates.
        double scale = recording.samplingFrequency() / signal.samplingFrequency();
        int before = signal.windowBefore() != null ? signal.windowBefore() : signal.length() / 2;
        int from = (int) Math.round(peak - before * scale);
        int to = (int) Math.round(from + signal.length() * scale);
        var trace = SignalTrace.of(around.samplingFrequency())
                .units("mV")
                .lead(ShippedRecording.LEAD, around.values())
                .startingAt(around.start())
                .peaks(around.peaks(), "R peaks found by the detector")
                .chosenPeak(around.chosen())
                .highlight(from, to, "the window the network reads for beat " + n)
                .paperGrid()
                .height(STRIP_HEIGHT)
                .caption(String.format(
                        Locale.ROOT,
                        "Beat %d of %d, at %.1f s into the recording",
                        n,
                        recording.count(),
                        (around.start() + peak) / around.samplingFrequency()))
                .build();
        trace.setId("beat-strip-trace");
        strip.add(trace);
        if (explaining) {
            explainShown();
        }
    }

    private void explainShown() {
        var n = beat.getValue();
        if (n == null || n < 1 || n > recording.count()) {
            return;
        }
        tryCase.accept(
                new CaseInput(null, null, null, null, n),
                "Beat " + n + " of the recording: the network's call (unannotated, so no true label to compare)");
    }

    /** The first beat with a whole window before it (the recording may start mid-beat). */
    private int firstWholeBeat() {
        int before = signal.windowBefore() != null ? signal.windowBefore() : signal.length() / 2;
        for (int n = 1; n <= Math.min(FIRST_BEATS_TRIED, recording.count()); n++) {
            try {
                recording.window(n, signal.samplingFrequency(), before, signal.length());
                return n;
            } catch (IllegalArgumentException e) {
                // too near the start: try the next beat
            }
        }
        return 1;
    }
}
