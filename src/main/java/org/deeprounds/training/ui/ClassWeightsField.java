package org.deeprounds.training.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.ClassWeights;
import org.deeprounds.models.LayerHelp;

/**
 * "Weight classes by rarity" in the builder: weights inversely proportional to the class counts of the dataset's
 * training split, shown per class name, and a warning when one class is rare there.
 */
class ClassWeightsField extends VerticalLayout {

    final Checkbox byRarity = new Checkbox("Weight classes by rarity");
    final Paragraph weightsText = new Paragraph();
    final Paragraph hint = new Paragraph();

    private List<String> classes = List.of();
    private List<Double> rarityWeights = List.of();

    ClassWeightsField() {
        setPadding(false);
        setSpacing(false);
        byRarity.setId("class-weights");
        byRarity.setHelperText(LayerHelp.SETTINGS.get("classWeights"));
        weightsText.setId("class-weights-values");
        hint.setId("class-balance-hint");
        hint.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))");
        byRarity.addValueChangeListener(e -> showWeights());
        add(hint, byRarity, weightsText);
        show(null);
    }

    /** Starts over for this dataset: equal weights, and the warning if its training split has a rare class. */
    void show(DatasetInfo dataset) {
        var split = dataset == null ? null : dataset.splits().get(Split.TRAIN.key());
        Map<String, Integer> counts = split == null ? Map.of() : split.classCounts();
        classes = dataset == null ? List.of() : dataset.classes();
        rarityWeights = ClassWeights.byRarity(classes, counts);
        var warning = ClassWeights.rarityHint(classes, counts);
        hint.setText(warning.orElse(""));
        hint.setVisible(warning.isPresent());
        byRarity.setValue(false);
        byRarity.setEnabled(!rarityWeights.isEmpty());
        showWeights();
    }

    /** The weights the design trains with: empty (equal) unless weighting by rarity is on. */
    List<Double> weights() {
        return byRarity.getValue() ? rarityWeights : List.of();
    }

    void addChangeListener(Runnable listener) {
        byRarity.addValueChangeListener(e -> listener.run());
    }

    /** Shown but not changeable (a lesson locks it). */
    void setReadOnly(boolean readOnly) {
        byRarity.setReadOnly(readOnly);
    }

    private void showWeights() {
        var weights = weights();
        if (weights.isEmpty()) {
            weightsText.setText("Every class weighs the same.");
            return;
        }
        var parts = new ArrayList<String>();
        for (int c = 0; c < classes.size(); c++) {
            parts.add(String.format(Locale.ROOT, "%s %.2f", classes.get(c), weights.get(c)));
        }
        weightsText.setText("Weight of a mistake while training: " + String.join(" · ", parts) + ".");
    }
}
