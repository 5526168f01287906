package org.deeprounds.curriculum;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CohortCourseRepository extends JpaRepository<CohortCourse, CohortCourse.Key> {
    List<CohortCourse> findByKeyCohortId(Long cohortId);

    List<CohortCourse> findByKeyCohortIdIn(List<Long> cohortIds);
}
