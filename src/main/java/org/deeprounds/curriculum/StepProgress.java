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

    /** An evaluate step's locked threshold and test confusion matrix, "threshold=0.31;tp=…;fp=…;tn=…;fn=…". */
    @Column(length = 400)
    private String figures;

    /** The instructor's rubric marks, one 0 or 1 per criterion in order ("1,0,1"). */
    @Column(name = "rubric_marks", length = 100)
    private String rubricMarks;

    @Column(name = "rubric_scored_by", length = 100)
    private String rubricScoredBy;

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

    void figures(String figures) {
        this.figures = figures;
    }

    /** The figures by name ("tp" → "210"), empty before an evaluate step was checked. */
    java.util.Map<String, String> figureValues() {
        var out = new java.util.LinkedHashMap<String, String>();
        if (figures != null) {
            for (var pair : figures.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return out;
    }

    void scoreRubric(java.util.List<Boolean> marks, String by, Instant now) {
        this.rubricMarks =
                String.join(",", marks.stream().map(m -> m ? "1" : "0").toList());
        this.rubricScoredBy = by;
        this.updatedAt = now;
    }

    /** The instructor's marks, one per rubric criterion; empty while not scored. */
    java.util.List<Boolean> rubricMarks() {
        if (rubricMarks == null || rubricMarks.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(rubricMarks.split(",")).map("1"::equals).toList();
    }

    String rubricScoredBy() {
        return rubricScoredBy;
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
