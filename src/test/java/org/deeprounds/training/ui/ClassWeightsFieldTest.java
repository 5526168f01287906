package org.deeprounds.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.models.ClassWeights;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * "Weight classes by rarity" in the builder: weights from the training split's counts, shown per class and carried
 * by the design; a warning when one class is rare in the training split; read-only when a lesson locks it.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class ClassWeightsFieldTest extends SpringBrowserlessTest {

    @Autowired
    DatasetService datasets;

    @Test
    void weighting_by_rarity_uses_the_training_counts_and_goes_into_the_design() {
        var view = navigate(BuilderView.class);
        var wdbc = datasets.list().stream()
                .filter(d -> d.name().startsWith("Breast cancer biopsies"))
                .findFirst()
                .orElseThrow();
        test(datasets()).selectItem(wdbc.name() + " (" + wdbc.modality().label() + ")");
        var counts = wdbc.splits().get("train").classCounts();
        var expected = ClassWeights.byRarity(wdbc.classes(), counts);

        assertThat(view.spec().classWeights()).isEmpty();
        assertThat($(ClassWeightsField.class).single().hint.isVisible())
                .as("37% malignant is not rare")
                .isFalse();

        test(checkbox()).click();

        assertThat(view.spec().classWeights()).isEqualTo(expected);
        assertThat(expected.get(wdbc.classes().indexOf("malignant")))
                .isGreaterThan(1)
                .isGreaterThan(expected.get(wdbc.classes().indexOf("benign")));
        assertThat(paragraph("class-weights-values").getText())
                .isEqualTo(String.format(
                        java.util.Locale.ROOT,
                        "Weight of a mistake while training: %s %.2f · %s %.2f.",
                        wdbc.classes().get(0),
                        expected.get(0),
                        wdbc.classes().get(1),
                        expected.get(1)));

        view.lock(Set.of("classWeights"));
        assertThat(checkbox().isReadOnly()).isTrue();
    }

    @Test
    void a_rare_class_in_the_training_split_is_pointed_out() throws Exception {
        var fasta = new StringBuilder();
        var random = new java.util.Random(5);
        for (int i = 0; i < 80; i++) {
            fasta.append(">s")
                    .append(i)
                    .append(" class=")
                    .append(i < 20 ? "site" : "other")
                    .append('\n');
            for (int b = 0; b < 30; b++) {
                fasta.append("ACGT".charAt(random.nextInt(4)));
            }
            fasta.append('\n');
        }
        var imported = datasets.importUpload(
                DatasetService.ImportRequest.named("Rare sites for the builder"),
                new DatasetService.Upload(
                        "rare-sites.fasta",
                        new ByteArrayInputStream(fasta.toString().getBytes(StandardCharsets.UTF_8))),
                null);
        var counts = imported.splits().get("train").classCounts();
        double share =
                counts.get("site") / (double) imported.splits().get("train").size();

        navigate(BuilderView.class);
        test(datasets()).selectItem(imported.name() + " (" + imported.modality().label() + ")");

        var hint = paragraph("class-balance-hint");
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText())
                .isEqualTo(String.format(
                        java.util.Locale.ROOT,
                        "About 1 in %d of the training cases (%.0f%%) are site. A network trained on this often misses"
                                + " site at the usual threshold of 0.5: weight the classes by rarity, or choose the"
                                + " threshold on the validation split.",
                        Math.round(1 / share),
                        100 * share));
    }

    private Checkbox checkbox() {
        return $(Checkbox.class).id("class-weights");
    }

    private Paragraph paragraph(String id) {
        return $(Paragraph.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<DatasetInfo> datasets() {
        return $(ComboBox.class).withCaption("Dataset").single();
    }
}
