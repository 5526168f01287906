package org.deeprounds.curriculum;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CourseAuthorRepository extends JpaRepository<CourseAuthor, CourseAuthor.Key> {

    @Query("select a from CourseAuthor a where a.key.courseId = :course order by a.addedAt, a.key.username")
    List<CourseAuthor> findByCourse(@Param("course") String courseId);

    @Modifying
    @Query("delete from CourseAuthor a where a.key.courseId = :course")
    int deleteByCourse(@Param("course") String courseId);
}
