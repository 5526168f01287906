package org.deeprounds.datasets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;

/** Corrects the column types inferred at import and chooses missing-value indicators. */
class ColumnTypesDialog extends Dialog {

    static final List<ColumnType> CHOICES = List.of(
            ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BINARY, ColumnType.IDENTIFIER, ColumnType.IGNORE);

    final Map<String, Select<ColumnType>> selects = new LinkedHashMap<>();
    final Checkbox indicators = new Checkbox("Add a 0/1 'was missing' column for each column with missing values");
    final Paragraph error = new Paragraph();
    /** Types the import suggests but did not apply (whole numbers that may be codes for categories). */
    final Map<String, ColumnType> suggestions = new LinkedHashMap<>();

    final Button acceptSuggestions = new Button("Use the suggested types");

    ColumnTypesDialog(DatasetService datasets, long id, DatasetSummary.TabularSummary tabular, Runnable saved) {
        setHeaderTitle("Column types");
        setWidth("40em");
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
        for (var column : tabular.columns()) {
            if (column.type() == ColumnType.TARGET) {
                continue;
            }
            var select = new Select<ColumnType>();
            select.setLabel(column.name());
            select.setItems(CHOICES);
            select.setItemLabelGenerator(t -> t.name().toLowerCase(Locale.ROOT));
            select.setValue(column.type());
            if (column.suggestedType() != null && column.suggestedType() != column.type()) {
                select.setHelperText("Suggested: "
                        + column.suggestedType().name().toLowerCase(Locale.ROOT) + ". " + column.suggestion());
                suggestions.put(column.name(), column.suggestedType());
            }
            selects.put(column.name(), select);
            form.add(select);
        }
        indicators.setValue(tabular.missingIndicators());
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(
                new Paragraph("Numeric columns are scaled; categorical and binary ones are one-hot encoded; identifiers"
                        + " and ignored columns never reach the model. The target ('" + tabular.targetColumn()
                        + "') is fixed."),
                form,
                indicators,
                error);
        acceptSuggestions.setId("accept-suggested-types");
        acceptSuggestions.setVisible(!suggestions.isEmpty());
        acceptSuggestions.addClickListener(
                e -> suggestions.forEach((name, type) -> selects.get(name).setValue(type)));
        var save = new Button("Save", e -> {
            var types = new LinkedHashMap<String, ColumnType>();
            selects.forEach((name, select) -> types.put(name, select.getValue()));
            try {
                datasets.updateTabularSettings(id, types, indicators.getValue());
            } catch (DatasetFormatException ex) {
                error.setText(ex.getMessage());
                return;
            }
            close();
            saved.run();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(acceptSuggestions, new Button("Cancel", e -> close()), save);
    }
}
