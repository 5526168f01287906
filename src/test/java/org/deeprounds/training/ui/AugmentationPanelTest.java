package org.deeprounds.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Image;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.models.Augmentation;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The builder's augmentation settings in a simulated browser: shown for images with real training images before and
 * after, stored in the design as set, checked, lockable, and absent for tables.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class AugmentationPanelTest extends SpringBrowserlessTest {

    @Autowired
    DatasetService datasets;

    @Test
    void an_image_dataset_shows_its_training_images_before_and_after_and_the_design_keeps_the_settings() {
        var view = builder("pneumoniamnist-balanced", "imaging-cnn");
        var panel = $(AugmentationPanel.class).single();

        assertThat(panel.isVisible()).isTrue();
        assertThat(view.spec().augmentation())
                .as("a template starts without augmentation")
                .isNull();
        var before = images(panel);
        assertThat(before).hasSize(2 * AugmentationPanel.SHOWN);
        for (int i = 0; i < before.size(); i += 2) {
            assertThat(before.get(i + 1).getSrc())
                    .as("nothing switched on: after equals before")
                    .isEqualTo(before.get(i).getSrc());
        }

        test(panel.flip).click();
        test(panel.rotation).setValue(10.0);
        test(panel.shift).setValue(10.0);
        test(panel.noise).setValue(2.0);

        assertThat(view.spec().augmentation()).isEqualTo(new Augmentation(true, 10, 0.1, 0, 0, 0.02));
        var after = images(panel);
        assertThat(after.get(0).getSrc())
                .as("the same training image before")
                .isEqualTo(before.get(0).getSrc());
        assertThat(after.get(1).getSrc())
                .as("and changed after")
                .isNotEqualTo(after.get(0).getSrc());
        assertThat($(com.vaadin.flow.component.html.Pre.class).single().getText())
                .as("the design as a run stores it")
                .contains("\"rotationDegrees\" : 10.0");

        test(panel.others).click();
        var others = images(panel);
        assertThat(others.get(0).getSrc())
                .as("other training images")
                .isNotEqualTo(after.get(0).getSrc());

        assertThat($(com.vaadin.flow.component.button.Button.class)
                        .withText("Train this design")
                        .single()
                        .isEnabled())
                .isTrue();
    }

    @Test
    void a_lesson_can_start_the_design_with_augmentation_and_lock_it() {
        var view = builder("pneumoniamnist-balanced", "imaging-cnn");
        var chestFilms = new Augmentation(false, 10, 0.1, 0.1, 0.07, 0.02);

        view.setAugmentation(chestFilms);
        view.lock(Set.of("augmentation"));

        var panel = $(AugmentationPanel.class).single();
        assertThat(view.spec().augmentation()).isEqualTo(chestFilms);
        assertThat(panel.contrast.getValue()).as("shown as a percentage").isEqualTo(7.0);
        assertThat(panel.rotation.isReadOnly()).isTrue();
        assertThat(panel.flip.isReadOnly()).isTrue();
    }

    @Test
    void a_table_has_no_augmentation() {
        var view = builder("wdbc-breast-cancer", "ehr-mlp");

        assertThat($(AugmentationPanel.class).all())
                .as("no augmentation panel shown")
                .isEmpty();
        assertThat(view.spec().augmentation()).isNull();
    }

    @Test
    void the_run_page_line_says_what_changed_in_plain_words() {
        var films = Templates.create("imaging-cnn", InputShape.image(28, 28, 1), 2);

        assertThat(AugmentationPanel.summary(films)).isEmpty();
        assertThat(AugmentationPanel.summary(films.withAugmentation(new Augmentation(true, 10, 0.1, 0, 0.25, 0))))
                .isEqualTo("Training images augmented each epoch: flip left-right, rotate up to ±10°, shift up to"
                        + " ±10%, contrast ±25%; validation and test images unchanged.");
    }

    private BuilderView builder(String sample, String template) {
        long id = datasets.sampleId(sample).orElseThrow();
        var view = navigate(BuilderView.class);
        view.start(id, template, Map.of(), Set.of());
        return view;
    }

    private List<Image> images(AugmentationPanel panel) {
        return $(Image.class, panel.preview).all();
    }
}
