package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counts read as a clinician would write them: one false positive, two false positives. */
class PluralTest {

    @Test
    void one_takes_the_singular_and_every_other_count_the_plural() {
        assertThat(Plural.of(1, "false positive")).isEqualTo("1 false positive");
        assertThat(Plural.of(0, "false positive")).isEqualTo("0 false positives");
        assertThat(Plural.of(12, "case")).isEqualTo("12 cases");
        assertThat(Plural.of(2, "patient", "patients")).isEqualTo("2 patients");
    }
}
