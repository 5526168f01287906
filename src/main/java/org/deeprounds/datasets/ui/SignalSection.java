package org.deeprounds.datasets.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprounds.base.ui.SignalTrace;
import org.deeprounds.datasets.model.DatasetSummary.SignalPreview;
import org.deeprounds.datasets.model.DatasetSummary.SignalSummary;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.signal.AnnotationCode;

/**
 * The signals part of a dataset page: how the signals were recorded and cut into examples, which records went into
 * which split (one patient's beats never in two), which annotation codes make each class, what was left out, and a
 * few examples of each class drawn as ECG strips with their R peaks.
 */
final class SignalSection {

    /** Tall enough to read a QRS's shape, short enough for three examples of a class on a laptop's screen. */
    private static final int PREVIEW_HEIGHT = 130;

    private SignalSection() {}

    static Div of(SignalSummary signal, List<String> classes) {
        var section = new Div();
        section.setId("signal-preview");
        section.setWidthFull();
        section.getStyle().set("min-width", "0").set("box-sizing", "border-box");
        section.add(new H3("Signals"));
        var recording = new Paragraph(recording(signal));
        recording.setId("signal-recording");
        section.add(recording, new Paragraph(standardising(signal)));
        section.add(splits(signal));
        if (!signal.classCodes().isEmpty()) {
            section.add(classCodes(signal.classCodes()));
        }
        if (signal.leftOut() != null && !signal.leftOut().isBlank()) {
            var leftOut = new Paragraph("Left out: " + signal.leftOut());
            leftOut.setId("signal-left-out");
            section.add(leftOut);
        }
        section.add(new H3("Examples"));
        section.add(new Paragraph("Each trace is one example as stored, in " + unitsOr(signal, "its units")
                + (signal.samplingFrequency() > 0 ? ", on ECG-paper squares of 40 ms and 200 ms" : "")
                + ", all on one scale so their sizes compare"
                + ". "
                + (signal.windowBefore() != null
                        ? "The dashed line and 'R' mark the beat's R peak."
                        : "The dashed lines and 'R' mark R peaks found by a detector.")));
        var range = range(signal.previews());
        for (var label : classes) {
            var shown = signal.previews().stream()
                    .filter(p -> p.label().equals(label))
                    .toList();
            if (!shown.isEmpty()) {
                section.add(new H4(label), gallery(signal, shown, range));
            }
        }
        return section;
    }

    private static String recording(SignalSummary signal) {
        var text = new StringBuilder();
        text.append(signal.channels() == 1 ? "One lead" : signal.channels() + " leads");
        var names =
                signal.leads().stream().filter(n -> n != null && !n.isBlank()).toList();
        if (!names.isEmpty()) {
            text.append(" (").append(String.join(", ", names)).append(")");
        }
        text.append(
                signal.samplingFrequency() > 0
                        ? String.format(Locale.ROOT, " sampled at %s Hz", number(signal.samplingFrequency()))
                        : " at an unknown sampling rate (times are given in samples)");
        text.append(", in ")
                .append(unitsOr(signal, "units the file does not name"))
                .append(". ");
        text.append("Each example is ").append(signal.length()).append(" samples");
        if (signal.samplingFrequency() > 0) {
            text.append(String.format(Locale.ROOT, " (%.2f s)", signal.seconds()));
        }
        text.append(" per lead. ");
        if (signal.windowBefore() != null) {
            text.append("The R peak comes after ").append(signal.windowBefore()).append(" samples");
            if (signal.samplingFrequency() > 0) {
                text.append(String.format(
                        Locale.ROOT, " (%.0f ms)", 1000 * signal.windowBefore() / signal.samplingFrequency()));
            }
            text.append(" of every example, so beats are lined up on it and the network compares like with like.");
        } else {
            text.append("Examples are strips, not single beats lined up on an R peak.");
        }
        return text.toString();
    }

    private static String standardising(SignalSummary signal) {
        var leads = new ArrayList<String>();
        for (int l = 0; l < signal.channels(); l++) {
            var name = l < signal.leads().size() ? signal.leads().get(l) : "lead " + (l + 1);
            leads.add(name + " mean " + number(signal.trainMean().get(l)) + ", SD "
                    + number(signal.trainStd().get(l)));
        }
        return "The network sees each lead standardised with the training split's mean and SD ("
                + String.join("; ", leads) + "), so nothing is learned from validation or test.";
    }

    /** Records per split for beats cut from records; else a warning that the file's own split cannot be checked. */
    private static Div splits(SignalSummary signal) {
        var box = new Div();
        box.setId("signal-records");
        if (signal.recordsBySplit().isEmpty()) {
            box.add(new Paragraph("The file gave its examples without naming the recordings they came from, so"
                    + " DeepRounds cannot check that no patient has beats in two splits. If one did, the test figures"
                    + " would be optimistic: check how the file was made."));
            return box;
        }
        var rule = new Span("Split by record: no patient in two splits.");
        rule.getStyle().set("font-weight", "600");
        box.add(new Paragraph(
                rule,
                new Span(" A patient's beats look alike, so a record in both training and test would let the"
                        + " network recognise the patient, not the beat.")));
        for (var split : Split.values()) {
            var records = signal.recordsBySplit().getOrDefault(split.key(), List.of());
            var line = new Paragraph(
                    new Span(capitalise(split.key()) + ": " + records.size()
                            + (records.size() == 1 ? " record" : " records") + (records.isEmpty() ? "" : " (")),
                    new Span(String.join(", ", records) + (records.isEmpty() ? "" : ")")));
            line.addClassName("signal-split-records");
            line.getStyle().set("overflow-wrap", "anywhere").set("margin", "0.2em 0");
            box.add(line);
        }
        return box;
    }

    private static Div classCodes(Map<String, List<String>> classCodes) {
        var box = new Div();
        box.setId("signal-class-codes");
        box.add(new Paragraph("Classes from the records' beat annotations (code: meaning):"));
        classCodes.forEach((label, codes) -> {
            var meanings = codes.stream()
                    .map(code -> code + " "
                            + AnnotationCode.ofMnemonic(code)
                                    .map(c -> "(" + c.meaning().toLowerCase(Locale.ROOT) + ")")
                                    .orElse(""))
                    .map(String::strip)
                    .toList();
            var line = new Paragraph(label + ": " + String.join(", ", meanings));
            line.getStyle().set("margin", "0.2em 0 0.2em 1em");
            box.add(line);
        });
        return box;
    }

    /** A class's examples side by side, one per row on a phone, all on one amplitude scale. */
    private static Div gallery(SignalSummary signal, List<SignalPreview> previews, double[] range) {
        var gallery = new Div();
        gallery.addClassName("signal-gallery");
        gallery.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 17em), 1fr))")
                .set("gap", "var(--lumo-space-m)");
        for (var preview : previews) {
            gallery.add(SignalTrace.of(signal.samplingFrequency())
                    .units(signal.units())
                    .leads(signal.leads(), preview.values())
                    .peaks(preview.rPeaks(), signal.windowBefore() != null ? "R peak" : "R peak (detected)")
                    .amplitudeRange(range[0], range[1])
                    .paperGrid()
                    .height(PREVIEW_HEIGHT)
                    .caption(preview.id() + " · " + preview.split())
                    .withoutLegend()
                    .build());
        }
        return gallery;
    }

    /** The lowest and highest value of all examples shown, so every trace is drawn on the same scale. */
    private static double[] range(List<SignalPreview> previews) {
        double min = 0;
        double max = 0;
        for (var preview : previews) {
            for (var lead : preview.values()) {
                for (float v : lead) {
                    if (Float.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return new double[] {min, max};
    }

    private static String unitsOr(SignalSummary signal, String otherwise) {
        return signal.units() == null || signal.units().isBlank() ? otherwise : signal.units();
    }

    private static String number(double value) {
        return DatasetView.number(value);
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
