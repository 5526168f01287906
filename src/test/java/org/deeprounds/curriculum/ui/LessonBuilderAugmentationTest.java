package org.deeprounds.curriculum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.Map;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.models.Augmentation;
import org.deeprounds.training.ui.BuilderView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The builder beside a lesson starts from the lesson's augmentation and keeps it while the trainee edits the rest. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class LessonBuilderAugmentationTest extends SpringBrowserlessTest {

    @Autowired
    DatasetService datasets;

    @Test
    void the_lesson_augmentation_is_in_the_design_and_survives_an_edit() {
        var lessons = new Augmentation(false, 10, 0.1, 0.1, 0.1, 0.02);
        long xrays = datasets.sampleId("pneumoniamnist-balanced").orElseThrow();
        var view = navigate(BuilderView.class);

        view.start(xrays, "imaging-cnn", Map.of("epochs", 30L, "augmentation", lessons), Set.of("augmentation"));
        assertThat(view.spec().augmentation()).isEqualTo(lessons);
        assertThat(view.spec().epochs()).isEqualTo(30);

        test($(IntegerField.class).withCaption("Epochs").single()).setValue(12);
        assertThat(view.spec().epochs()).isEqualTo(12);
        assertThat(view.spec().augmentation()).as("kept through the edit").isEqualTo(lessons);
    }
}
