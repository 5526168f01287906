package org.deeprounds.curriculum;

import java.util.Locale;

/** What a lesson step asks the trainee to do. */
public enum StepKind {
    READ,
    EXPLORE,
    BUILD,
    TRAIN,
    EVALUATE,
    REFLECT,
    QUIZ;

    /** The name used in lesson files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
