package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lesson text quoting the trainee's own result instead of the author's. */
class LessonTextTest {

    @Test
    void a_percent_placeholder_shows_the_trainees_measured_value() {
        assertThat(LessonText.fill("Your run reached {{percent:train}}.", Map.of("train", "0.907")))
                .isEqualTo("Your run reached 91%.");
        assertThat(LessonText.fill("AUC {{ result : train }}", Map.of("train", "0.955")))
                .isEqualTo("AUC 0.955");
    }

    @Test
    void before_the_step_is_done_the_text_says_so_instead_of_a_number() {
        assertThat(LessonText.fill("It reached {{percent:train}}.", Map.of()))
                .isEqualTo("It reached (your result, once step 'train' is done).");
    }

    @Test
    void text_without_placeholders_and_non_numbers_pass_through() {
        assertThat(LessonText.fill("No braces here; $x$ stays.", Map.of())).isEqualTo("No braces here; $x$ stays.");
        assertThat(LessonText.fill("{{percent:train}}", Map.of("train", "COMPLETED")))
                .isEqualTo("COMPLETED");
        assertThat(LessonText.fill(null, Map.of())).isNull();
    }
}
