package org.deeprounds.curriculum;

import java.util.ArrayList;
import org.deeprounds.datasets.DatasetDependents;
import org.deeprounds.datasets.DatasetUse;
import org.deeprounds.datasets.DatasetUses;
import org.springframework.stereotype.Component;

/**
 * Tells the dataset library which lessons name a shipped sample (lessons name datasets by sample key), so an
 * instructor cannot delete a sample a lesson opens. Lessons are no one's private data: all are named.
 */
@Component
class LessonsOnDataset implements DatasetDependents {

    private final CurriculumLibrary library;

    LessonsOnDataset(CurriculumLibrary library) {
        this.library = library;
    }

    @Override
    public DatasetUses of(long id, String sampleKey) {
        if (sampleKey == null) {
            return DatasetUses.NONE;
        }
        var lessons = new ArrayList<DatasetUse>();
        for (var course : library.courses()) {
            for (var lesson : course.lessons()) {
                if (lesson.steps().stream().anyMatch(step -> sampleKey.equals(step.dataset()))) {
                    lessons.add(new DatasetUse(
                            DatasetUse.LESSON, lesson.id(), course.title() + ": " + lesson.title(), null));
                }
            }
        }
        return new DatasetUses(lessons, 0);
    }
}
