package org.deeprounds.curriculum;

import java.util.List;

/**
 * One lesson.
 *
 * @param file its path inside the course folder, e.g. {@code lessons/01-first-network.md}
 * @param intro Markdown before the first step
 * @param checksum SHA-256 of the file: progress records it, so a later edit never rewrites what past work meant
 */
public record Lesson(
        String id,
        String courseId,
        String file,
        String title,
        int minutes,
        String intro,
        List<Step> steps,
        String checksum) {

    public Step step(String stepId) {
        return steps.stream()
                .filter(s -> s.id().equals(stepId))
                .findFirst()
                .orElseThrow(
                        () -> new java.util.NoSuchElementException("Lesson '" + id + "' has no step '" + stepId + "'"));
    }
}
