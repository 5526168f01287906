package org.deeprounds.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.deeprounds.models.LayerHelp;
import org.deeprounds.models.LayerSpec;

/**
 * Edits one layer. The form is made from the layer record's own components (whole numbers, decimals, choices), so
 * every layer kind gets the right fields without a form per kind.
 */
class LayerDialog extends Dialog {

    final List<HasValue<?, ?>> fields = new ArrayList<>();
    final Button apply = new Button("Apply");

    LayerDialog(LayerSpec layer, Consumer<LayerSpec> onApply) {
        setHeaderTitle(capitalise(layer.describe()));
        var type = layer.getClass();
        var form = new FormLayout();
        for (var component : type.getRecordComponents()) {
            var field = field(component, value(component, layer));
            fields.add(field);
            form.add((Component) field);
        }
        add(new Paragraph(LayerHelp.LAYERS.getOrDefault(type, "")), form);
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> {
            onApply.accept(build(type));
            close();
        });
        getFooter().add(new Button("Cancel", e -> close()), apply);
    }

    private static HasValue<?, ?> field(RecordComponent component, Object value) {
        var label = label(component.getName());
        var type = component.getType();
        if (type == int.class) {
            var field = new IntegerField(label);
            field.setValue((Integer) value);
            field.setStepButtonsVisible(true);
            return field;
        }
        if (type == double.class) {
            var field = new NumberField(label);
            field.setValue((Double) value);
            field.setStep(0.05);
            return field;
        }
        if (type.isEnum()) {
            var select = new Select<Object>();
            select.setLabel(label);
            select.setItems(Arrays.asList(type.getEnumConstants()));
            select.setItemLabelGenerator(v -> v.toString().toLowerCase());
            select.setValue(value);
            return select;
        }
        throw new IllegalStateException("No field for " + type);
    }

    private LayerSpec build(Class<? extends LayerSpec> type) {
        var components = type.getRecordComponents();
        var values = new Object[components.length];
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            var value = fields.get(i).getValue();
            values[i] = value == null && types[i] == int.class
                    ? 0
                    : value == null && types[i] == double.class ? 0.0 : value;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object value(RecordComponent component, LayerSpec layer) {
        try {
            return component.getAccessor().invoke(layer);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    static String label(String name) {
        var words = name.replaceAll("([A-Z])", " $1").toLowerCase();
        return capitalise(words);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
