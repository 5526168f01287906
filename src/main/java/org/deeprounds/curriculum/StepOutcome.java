package org.deeprounds.curriculum;

import java.util.List;

/**
 * What checking a step found: passed or not, a sentence saying why (with the hint when not passed), and for quizzes
 * the feedback of every chosen option.
 */
public record StepOutcome(boolean passed, String message, List<String> feedback) {

    static StepOutcome of(boolean passed, String message) {
        return new StepOutcome(passed, message, List.of());
    }
}
