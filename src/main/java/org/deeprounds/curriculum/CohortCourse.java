package org.deeprounds.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A course assigned to a cohort, with an optional due date. */
@Entity
@Table(name = "cohort_course")
class CohortCourse {

    @EmbeddedId
    private Key key;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected CohortCourse() {}

    CohortCourse(long cohortId, String courseId, LocalDate dueDate, Instant assignedAt) {
        this.key = new Key(cohortId, courseId);
        this.dueDate = dueDate;
        this.assignedAt = assignedAt;
    }

    @jakarta.persistence.Embeddable
    record Key(
            @Column(name = "cohort_id") Long cohortId,
            @Column(name = "course_id", length = 100) String courseId) implements Serializable {}

    long cohortId() {
        return key.cohortId();
    }

    String courseId() {
        return key.courseId();
    }

    LocalDate dueDate() {
        return dueDate;
    }

    void dueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }
}
