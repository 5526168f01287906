package org.deeprounds.curriculum;

import java.time.Instant;
import java.util.List;

/**
 * A trainee's view of one lesson: its steps with their state, against the version of the lesson they are doing.
 *
 * @param earlierVersionPassed they passed an earlier version of this lesson (before the instructor edited it)
 */
public record LessonState(
        Course course,
        Lesson lesson,
        List<StepState> steps,
        boolean passed,
        Instant passedAt,
        long secondsSpent,
        boolean earlierVersionPassed) {

    /** One step with what the trainee did in it. */
    public record StepState(
            Step step,
            boolean passed,
            Long runId,
            String measured,
            String answer,
            String comment,
            String commentedBy) {}

    public StepState step(String id) {
        return steps.stream()
                .filter(s -> s.step().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("No step '" + id + "'"));
    }

    /** The first step not passed yet (where to resume), or the last one. */
    public StepState current() {
        return steps.stream().filter(s -> !s.passed()).findFirst().orElse(steps.getLast());
    }
}
