package org.deeprounds.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.training.ui.BuilderView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** The builder in a simulated browser: template for the dataset, live summary, live checks, locked fields. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class BuilderViewTest extends SpringBrowserlessTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.deeprounds.datasets.DatasetService datasets;

    @Test
    void choosing_a_table_starts_from_the_mlp_and_shows_its_summary() {
        var view = navigate(BuilderView.class);

        test(comboBox()).selectItem(wdbcLabel());

        assertThat(view.spec().layers()).hasSize(4);
        assertThat(view.spec().input()).isEqualTo(InputShape.tabular(30));
        assertThat($(Paragraph.class).id("design-totals").getText()).startsWith("Input 30 · 1,554 parameters in total");
    }

    @Test
    void an_impossible_setting_is_explained_at_once_and_locked_fields_cannot_change() {
        var view = navigate(BuilderView.class);
        test(comboBox()).selectItem(wdbcLabel());

        test($(com.vaadin.flow.component.textfield.NumberField.class)
                        .withCaption("Learning rate")
                        .single())
                .setValue(-1.0);

        assertThat($(com.vaadin.flow.component.html.Div.class)
                        .id("design-problems")
                        .getElement()
                        .getTextRecursively())
                .contains("Learning rate -1.0: use a positive value");

        view.lock(Set.of("learningRate", "layers"));
        assertThat(field("Learning rate").isReadOnly()).isTrue();
        assertThat(field("Batch size").isReadOnly()).isFalse();
    }

    @Test
    void a_lesson_opens_the_builder_on_its_dataset_and_template_with_values_and_locks() {
        long wdbc = datasets.sampleId("wdbc-breast-cancer").orElseThrow();
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .navigate(
                        BuilderView.class,
                        com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of(
                                "dataset", Long.toString(wdbc),
                                "template", "ehr-mlp",
                                "epochs", "7",
                                "learningRate", "0.01",
                                "lock", "epochs,layers,nonsense")));
        var view = (BuilderView) getCurrentView();

        assertThat(view.spec().layers()).hasSize(4);
        assertThat(view.spec().epochs()).isEqualTo(7);
        assertThat(view.spec().learningRate()).isEqualTo(0.01);
        assertThat(field("Epochs").isReadOnly()).isTrue();
        assertThat(field("Learning rate").isReadOnly()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private com.vaadin.flow.component.combobox.ComboBox<DatasetInfo> comboBox() {
        return $(com.vaadin.flow.component.combobox.ComboBox.class)
                .withCaption("Dataset")
                .single();
    }

    private com.vaadin.flow.component.AbstractField<?, ?> field(String caption) {
        return $(com.vaadin.flow.component.AbstractField.class)
                .withCaption(caption)
                .single();
    }

    private static String wdbcLabel() {
        return "Breast cancer biopsies (Wisconsin Diagnostic) (EHR / tabular)";
    }
}
