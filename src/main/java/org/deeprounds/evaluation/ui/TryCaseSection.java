package org.deeprounds.evaluation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.deeprounds.datasets.formats.CaseEncoder;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ModalityData;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.evaluation.EvaluationService.CaseInput;

/**
 * "Try a case": the user's own image, sequence, signal or patient, or a beat of a real recording, predicted and
 * explained by the run's network; input it cannot read is named in words.
 */
final class TryCaseSection extends VerticalLayout {

    private static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

    private final transient EvaluationService evaluations;
    private final long runId;
    private final Div result = new Div();
    private final Paragraph error = new Paragraph();
    /** A signal's units, for the explanation's amplitude axis; null for other data. */
    private String units;

    TryCaseSection(EvaluationService evaluations, long runId, DatasetSummary summary) {
        this.evaluations = evaluations;
        this.runId = runId;
        setId("try-case");
        // Laid out as the page around it (a column, children at their own width), so forms keep their columns.
        setPadding(false);
        setWidthFull();
        getStyle().set("min-width", "0");
        result.setId("try-result");
        result.setWidthFull();
        error.setId("try-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new H3("Try a case"));
        var data = summary.data();
        var intro = new Paragraph("Give " + data.caseInput() + " and see the network's call, explained by "
                + data.explanation().description() + ".");
        intro.setId("try-intro");
        add(intro);
        switch (data) {
            case ModalityData.Images images -> {
                imageUpload();
                add(error, result);
            }
            case ModalityData.Dna dna -> {
                sequence(dna.summary().encodedLength());
                add(error, result);
            }
            case ModalityData.Signals(var signal) -> {
                units = signal.units();
                // The pasted signal's form goes under the beat's explanation, keeping the strip and it together.
                add(
                        new RecordingBeatPanel(signal, this::tryCase, this::showError),
                        error,
                        result,
                        new PastedSignalForm(
                                signal, input -> tryCase(input, null), RecordingBeatPanel.refusal(signal) != null));
            }
            case ModalityData.Table table -> {
                patient(summary);
                add(error, result);
            }
        }
    }

    /** Predicts and explains one case; {@code heading} names it (null: "your case"). */
    private void tryCase(CaseInput input, String heading) {
        error.setText("");
        result.removeAll();
        try {
            var explanation = evaluations.tryCase(runId, input);
            result.add(
                    heading == null
                            ? new ExplanationPanel(explanation, null, units)
                            : ExplanationPanel.titled(explanation, heading, units));
        } catch (DatasetFormatException e) {
            error.setText(e.getMessage());
        }
    }

    private void showError(String message) {
        error.setText(message);
    }

    private void sequence(int length) {
        var sequence = new TextArea("Sequence");
        sequence.setId("try-sequence");
        sequence.setWidthFull();
        sequence.setHelperText("Paste up to " + length + " bases (A, C, G, T).");
        var go = new Button("Predict and explain", e -> tryCase(new CaseInput(sequence.getValue(), null, null), null));
        go.setId("try-go");
        add(sequence, go);
    }

    private void patient(DatasetSummary summary) {
        var form = new FormLayout();
        var fields = new LinkedHashMap<String, TextField>();
        for (var column : CaseEncoder.inputColumns(summary)) {
            var field = new TextField(column.name());
            field.setId("try-" + column.name().replaceAll("[^A-Za-z0-9_-]", "_"));
            field.setHelperText(
                    column.categories().isEmpty() || column.min() != null
                            ? (column.min() == null ? "" : "training range " + column.min() + " to " + column.max())
                            : String.join(", ", column.categories()));
            fields.put(column.name(), field);
            form.add(field);
        }
        var go = new Button("Predict and explain", e -> {
            var values = new LinkedHashMap<String, String>();
            fields.forEach((name, field) -> values.put(name, field.getValue()));
            tryCase(new CaseInput(null, values, null), null);
        });
        go.setId("try-go");
        add(new Paragraph("Blank fields count as missing and are filled as in training."), form, go);
    }

    private void imageUpload() {
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> tryCase(new CaseInput(null, null, Base64.getEncoder().encodeToString(bytes)), null)))));
        upload.setId("try-image");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setMaxFileSize(MAX_IMAGE_BYTES);
        upload.setMaxFiles(1);
        add(new Paragraph("Upload a PNG or JPEG; it is scaled to the network's input size."), upload);
    }
}
