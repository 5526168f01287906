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

/**
 * One step of a trainee's lesson: passed or not, the run it used, what was measured, their answer; for a quiz how
 * often it was answered and the first attempt's score, for a checked run the best value of the step's measure.
 */
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

    @Column(nullable = false)
    private int attempts;

    @Column(name = "first_right")
    private Integer firstRight;

    @Column(name = "question_count")
    private Integer questionCount;

    @Column(name = "best_metric")
    private Double bestMetric;

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

    /** Counts a quiz attempt; only the first one's score is kept, so practice afterwards never changes a grade. */
    void attempt(int right, int questions) {
        if (attempts == 0) {
            firstRight = right;
            questionCount = questions;
        }
        attempts++;
    }

    /** Keeps the better of the stored and the new value of the step's measure. */
    void metric(double value, boolean higherIsBetter) {
        if (Double.isFinite(value)
                && (bestMetric == null || (higherIsBetter ? value > bestMetric : value < bestMetric))) {
            bestMetric = value;
        }
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

    int attempts() {
        return attempts;
    }

    Integer firstRight() {
        return firstRight;
    }

    Integer questionCount() {
        return questionCount;
    }

    /** The first attempt's fraction of questions right, or null before any attempt. */
    Double firstScore() {
        return firstRight == null || questionCount == null || questionCount == 0
                ? null
                : firstRight / (double) questionCount;
    }

    Double bestMetric() {
        return bestMetric;
    }
}
