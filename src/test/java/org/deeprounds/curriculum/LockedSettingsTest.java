package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.Templates;
import org.junit.jupiter.api.Test;

/** A lesson can lock class weights: a design that weights classes where the lesson does not is refused, named. */
class LockedSettingsTest {

    @Test
    void locked_class_weights_refuse_a_weighted_design_and_keep_an_unweighted_one() {
        var lesson = Templates.create("ehr-mlp", InputShape.tabular(30), 2);
        var weighted = lesson.withClassWeights(List.of(0.8, 1.3));

        assertThatThrownBy(() -> LockedSettings.check(lesson, weighted, List.of("classWeights")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("This lesson locks classWeights (the lesson sets none); train the design with it"
                        + " unchanged.");
        assertThatCode(() -> LockedSettings.check(lesson, lesson.withTraining(0.01, 32, 5, 1), List.of("classWeights")))
                .doesNotThrowAnyException();
        assertThatCode(() -> LockedSettings.check(lesson, weighted, List.of("epochs")))
                .doesNotThrowAnyException();
    }
}
