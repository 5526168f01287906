package org.deeprounds.evaluation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary.SignalSummary;
import org.deeprounds.evaluation.EvaluationService.CaseInput;

/**
 * "Try a case" with a signal of one's own: numbers pasted from a spreadsheet or another tool, one lead per line, as
 * many samples as the network reads; folded away under the recording's beats, which most trainees will try first.
 * Numbers are parsed here; their count and leads are checked by the service.
 */
final class PastedSignalForm extends Details {

    final TextArea values = new TextArea("The signal's numbers");
    final Button go = new Button("Predict and explain the pasted signal");

    /** @param open shown open (the only way to try a case), or closed under the recording's beats */
    PastedSignalForm(SignalSummary signal, Consumer<CaseInput> tryCase, boolean open) {
        super("Or paste a signal of your own");
        setId("try-signal-form");
        setWidthFull();
        setOpened(open);
        values.setId("try-signal");
        values.setWidthFull();
        values.setMaxHeight("10em");
        values.setHelperText(String.format(
                Locale.ROOT,
                "%d numbers per lead%s%s, one lead per line%s, separated by commas or spaces%s.",
                signal.length(),
                signal.samplingFrequency() > 0
                        ? String.format(
                                Locale.ROOT, " (%.2f s at %.0f Hz)", signal.seconds(), signal.samplingFrequency())
                        : "",
                signal.units() == null || signal.units().isBlank() ? "" : " in " + signal.units(),
                signal.channels() > 1 ? " (" + String.join(", ", signal.leads()) + ")" : "",
                signal.windowBefore() != null ? ", the R peak after " + signal.windowBefore() + " samples" : ""));
        go.setId("try-signal-go");
        add(values, go);
        go.addClickListener(e -> {
            try {
                tryCase.accept(new CaseInput(null, null, null, parse(values.getValue()), null));
            } catch (DatasetFormatException refused) {
                values.setInvalid(true);
                values.setErrorMessage(refused.getMessage());
            }
        });
        values.addValueChangeListener(e -> values.setInvalid(false));
    }

    /** One list of numbers per non-blank line; anything that is not a number is named by line and place. */
    static List<List<Double>> parse(String text) {
        var leads = new ArrayList<List<Double>>();
        var lines = text == null ? new String[0] : text.strip().split("\\R");
        for (int l = 0; l < lines.length; l++) {
            if (lines[l].isBlank()) {
                continue;
            }
            var lead = new ArrayList<Double>();
            var numbers = lines[l].strip().split("[,;\\s]+");
            for (int k = 0; k < numbers.length; k++) {
                try {
                    lead.add(Double.parseDouble(numbers[k]));
                } catch (NumberFormatException e) {
                    throw new DatasetFormatException(
                            "Line " + (l + 1) + ", value " + (k + 1) + ": '" + numbers[k] + "' is not a number.");
                }
            }
            leads.add(lead);
        }
        if (leads.isEmpty()) {
            throw new DatasetFormatException("Nothing pasted: give the signal's numbers, one lead per line.");
        }
        return leads;
    }
}
