package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deeprounds.TestUsers.as;

import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.models.Augmentation;
import org.deeprounds.training.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lesson's {@code set: {augmentation: ...}} reaches the design the builder starts from and the run it trains, and a
 * lesson that locks augmentation refuses a design that drops or changes it, on the server.
 */
@IntegrationTest
class LessonAugmentationTest {

    static final String COURSE = "augmentation-lock";
    static final String LESSON = "augmentation-lock-first";
    static final Augmentation LESSONS = new Augmentation(false, 10, 0.1, 0.1, 0.1, 0.02);

    @Autowired
    CurriculumLibrary library;

    @Autowired
    ProgressService progress;

    @Autowired
    RunService runs;

    @Autowired
    AccountService accounts;

    @Test
    void the_lesson_augmentation_is_trained_and_a_locked_one_cannot_be_dropped() throws Exception {
        TeachingFixtures.course(library, COURSE, "Augmentation lock", "", List.of("""
                ---
                id: %s
                title: With augmentation
                steps:
                  - id: with
                    kind: train
                    dataset: pneumoniamnist-balanced
                    template: imaging-cnn
                    set: {epochs: 1, augmentation: {horizontalFlip: false, rotationDegrees: 10, shiftFraction: 0.1, brightness: 0.1, contrast: 0.1, noise: 0.02}}
                    locked: [augmentation]
                ---
                Train it with small, realistic changes to each film.

                ## With augmentation {#with}
                Press Train this design.
                """.formatted(LESSON)));
        TeachingFixtures.trainee(accounts, "augmenter", "Aug Menter", null);
        var step = library.course(COURSE).lesson(LESSON).step("with");
        long dataset = as("augmenter", "TRAINEE", () -> progress.datasetOf(step));
        var design = as("augmenter", "TRAINEE", () -> progress.specFor(step, dataset));
        assertThat(design.augmentation()).isEqualTo(LESSONS);
        assertThat(design.epochs()).isEqualTo(1);

        for (var changed : List.of(
                design.withAugmentation(null),
                design.withAugmentation(new Augmentation(true, 10, 0.1, 0.1, 0.1, 0.02)))) {
            assertThatThrownBy(() ->
                            as("augmenter", "TRAINEE", () -> progress.trainDesign(COURSE, LESSON, "with", changed)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "This lesson locks augmentation (the lesson sets no flips, rotation up to 10°, shift up"
                                    + " to 10%, brightness ±0.1, contrast ±10%, noise 0.02); train the design with it unchanged.");
        }

        var run = as("augmenter", "TRAINEE", () -> progress.train(COURSE, LESSON, "with"));
        while (!as("augmenter", "TRAINEE", () -> runs.get(run.id())).status().finished()) {
            Thread.sleep(50);
        }
        assertThat(as("augmenter", "TRAINEE", () -> runs.get(run.id())).spec().augmentation())
                .as("the run records the augmentation it was trained with")
                .isEqualTo(LESSONS);
    }
}
