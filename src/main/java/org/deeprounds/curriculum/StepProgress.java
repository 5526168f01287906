package org.deeprounds.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One step of a trainee's lesson: passed or not, the run it used, what was measured, their answer. */
@Entity
@Table(name = "step_progress")
class StepProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false)
    @JoinColumn(name = "lesson_progress_id")
    private LessonProgress lesson;

    @Column(name = "step_id", nullable = false, length = 100)
    private String stepId;

    @Column(nullable = false)
    private boolean passed;

    @Column(name = "run_id")
    private Long runId;

    @Column(length = 200)
    private String measured;

    @Column(length = 20000)
    private String answer;

    @Column(length = 4000)
    private String comment;

    @Column(name = "commented_by", length = 100)
    private String commentedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StepProgress() {}

    StepProgress(LessonProgress lesson, String stepId, Instant now) {
        this.lesson = lesson;
        this.stepId = stepId;
        this.updatedAt = now;
    }

    void record(boolean passed, Long runId, String measured, String answer, Instant now) {
        // Once passed, a step stays passed: a later, worse attempt does not undo what the trainee achieved.
        this.passed = this.passed || passed;
        if (runId != null) {
            this.runId = runId;
        }
        if (measured != null) {
            this.measured = measured;
        }
        if (answer != null) {
            this.answer = answer;
        }
        this.updatedAt = now;
    }

    void comment(String comment, String by, Instant now) {
        this.comment = comment;
        this.commentedBy = by;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    LessonProgress lesson() {
        return lesson;
    }

    String stepId() {
        return stepId;
    }

    boolean passed() {
        return passed;
    }

    Long runId() {
        return runId;
    }

    String measured() {
        return measured;
    }

    String answer() {
        return answer;
    }

    String comment() {
        return comment;
    }

    String commentedBy() {
        return commentedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
