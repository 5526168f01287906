package org.deeprounds.curriculum;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.deeprounds.training.RunOrigins;
import org.springframework.stereotype.Component;

/**
 * Tells the runs pages and the model card which runs a lesson step started, by the lesson's title, course and version
 * (the checksum of the lesson file the trainee worked on): a step's progress row keeps the run it trained. Read-only; a lesson no longer in the library is named by its id.
 */
@Component
class LessonRunOrigins implements RunOrigins {

    private final EntityManager entities;
    private final CurriculumLibrary library;

    LessonRunOrigins(EntityManager entities, CurriculumLibrary library) {
        this.entities = entities;
        this.library = library;
    }

    @Override
    public Map<Long, String> of(Collection<Long> runIds) {
        var out = new HashMap<Long, String>();
        if (runIds.isEmpty()) {
            return out;
        }
        var rows = entities.createQuery(
                        "select s.runId, l.courseId, l.lessonId, l.lessonChecksum from StepProgress s join s.lesson l"
                                + " where s.runId in :ids",
                        Object[].class)
                .setParameter("ids", runIds)
                .getResultList();
        for (var row : rows) {
            var courseId = (String) row[1];
            var lessonId = (String) row[2];
            var title = library.find(courseId)
                    .flatMap(course -> course.lessons().stream()
                            .filter(lesson -> lesson.id().equals(lessonId))
                            .findFirst())
                    .map(Lesson::title)
                    .orElse(lessonId);
            var checksum = (String) row[3];
            out.put(
                    (Long) row[0],
                    "lesson '" + title + "' (course " + courseId + ", version sha256 "
                            + checksum.substring(0, Math.min(12, checksum.length())) + ")");
        }
        return out;
    }
}
