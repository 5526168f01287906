package org.deeprounds.curriculum;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LessonProgressRepository extends JpaRepository<LessonProgress, Long> {
    Optional<LessonProgress> findByUsernameAndLessonIdAndLessonChecksum(
            String username, String lessonId, String lessonChecksum);

    List<LessonProgress> findByUsernameAndCourseIdOrderByStartedAtAsc(String username, String courseId);

    List<LessonProgress> findByUsernameInAndCourseId(List<String> usernames, String courseId);
}
