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
    QUIZ,
    /** Reads test cases of the lesson's run without, then with, the model (a reader study). */
    READER_STUDY;

    /** The name used in lesson files ("reader-study"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind a lesson file names, or null. */
    public static StepKind of(String key) {
        for (var kind : values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        return null;
    }
}
