package org.deeprounds.curriculum;

import java.util.List;

/** A loaded, valid course. */
public record Course(
        String id,
        String title,
        String audience,
        List<String> prerequisites,
        List<String> objectives,
        int estimatedMinutes,
        String licence,
        List<String> authors,
        List<Lesson> lessons) {

    public Lesson lesson(String lessonId) {
        return lessons.stream()
                .filter(l -> l.id().equals(lessonId))
                .findFirst()
                .orElseThrow(() ->
                        new java.util.NoSuchElementException("Course '" + id + "' has no lesson '" + lessonId + "'"));
    }
}
