package org.deeprounds.curriculum;

import java.util.List;
import java.util.Map;

/**
 * One step of a lesson; fields that its kind does not use are empty or null.
 *
 * @param markdown the step's section of the lesson file
 * @param set starting values for the builder (learningRate, batchSize, epochs, seed, l2, optimiser)
 * @param locked what the trainee may not change in the builder
 * @param pass the criterion the app checks, or null (then doing the step passes it)
 * @param deliverable {@code model-card} when the step asks for the run's model card
 * @param attempts how often a quiz may be answered: its own {@code attempts}, else the course's {@code quizAttempts};
 *     {@link #UNLIMITED} when neither is set
 * @param rubric what the instructor scores in a reflection or an evaluate step's written reasons; empty for none
 * @param readerCases for a reader-study step, how many test cases the trainee reads (0 for other kinds)
 * @param readerSeed for a reader-study step, the seed that draws its cases; null to draw each trainee's own
 * @param thresholdFrom for an evaluate step, {@code validation} (its check needs a threshold locked before the test
 *     split was shown) or {@code any}
 */
public record Step(
        String id,
        StepKind kind,
        String title,
        String markdown,
        String dataset,
        String template,
        Map<String, Object> set,
        List<String> locked,
        Criterion pass,
        String hint,
        String deliverable,
        int minWords,
        List<Question> questions,
        int attempts,
        List<String> rubric,
        String thresholdFrom,
        int readerCases,
        Long readerSeed) {

    /** The values {@code thresholdFrom} takes. */
    public static final List<String> THRESHOLD_SOURCES = List.of("validation", "any");

    /** Whether an evaluate step asks the trainee to write why they chose their threshold. */
    public boolean asksForReasons() {
        return kind == StepKind.EVALUATE && !rubric.isEmpty();
    }

    /** No limit on quiz attempts. */
    public static final int UNLIMITED = 0;

    public boolean limitsAttempts() {
        return attempts != UNLIMITED;
    }

    /** A quiz question; every option has feedback, at least one is correct. */
    public record Question(String text, boolean multiple, List<Option> options) {}

    public record Option(String text, boolean correct, String feedback) {}
}
