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

    /**
     * One step with what the trainee did in it.
     *
     * @param attempts how often a quiz was answered (the limit, if any, is {@code step().attempts()})
     * @param firstScore the fraction of a quiz's questions right at the first attempt, or null before one
     * @param figures an evaluate step's locked threshold and test confusion matrix ("threshold", "tp", ...)
     * @param rubricMarks the instructor's marks, one per rubric criterion; empty while not scored
     */
    public record StepState(
            Step step,
            boolean passed,
            Long runId,
            String measured,
            String answer,
            String comment,
            String commentedBy,
            int attempts,
            Double firstScore,
            java.util.Map<String, String> figures,
            List<Boolean> rubricMarks) {

        /** Whether a limited quiz may still be answered (always true without a limit). */
        public boolean canAttempt() {
            return !step.limitsAttempts() || attempts < step.attempts();
        }
    }

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
