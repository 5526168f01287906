package org.deeprounds.curriculum;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One trainee's work on one version (checksum) of one lesson. */
@Entity
@Table(name = "lesson_progress")
class LessonProgress {

    /** Gaps longer than this between actions are not counted as time spent (the trainee left). */
    static final Duration IDLE = Duration.ofMinutes(5);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "course_id", nullable = false, length = 100)
    private String courseId;

    @Column(name = "lesson_id", nullable = false, length = 150)
    private String lessonId;

    @Column(name = "lesson_checksum", nullable = false, length = 64)
    private String lessonChecksum;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_active_at", nullable = false)
    private Instant lastActiveAt;

    @Column(name = "passed_at")
    private Instant passedAt;

    @Column(name = "seconds_spent", nullable = false)
    private long secondsSpent;

    @OneToMany(mappedBy = "lesson", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<StepProgress> steps = new ArrayList<>();

    protected LessonProgress() {}

    LessonProgress(String username, Lesson lesson, Instant now) {
        this.username = username;
        this.courseId = lesson.courseId();
        this.lessonId = lesson.id();
        this.lessonChecksum = lesson.checksum();
        this.startedAt = now;
        this.lastActiveAt = now;
    }

    /** Counts the time since the last action, unless the trainee was away. */
    void touch(Instant now) {
        var gap = Duration.between(lastActiveAt, now);
        if (!gap.isNegative() && gap.compareTo(IDLE) <= 0) {
            secondsSpent += gap.toSeconds();
        }
        lastActiveAt = now;
    }

    Optional<StepProgress> step(String stepId) {
        return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
    }

    StepProgress stepOrNew(String stepId, Instant now) {
        return step(stepId).orElseGet(() -> {
            var step = new StepProgress(this, stepId, now);
            steps.add(step);
            return step;
        });
    }

    /** Marks the lesson passed when every step of {@code lesson} is. */
    void updatePassed(Lesson lesson, Instant now) {
        boolean all = lesson.steps().stream()
                .allMatch(s -> step(s.id()).map(StepProgress::passed).orElse(false));
        if (all && passedAt == null) {
            passedAt = now;
        }
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String courseId() {
        return courseId;
    }

    String lessonId() {
        return lessonId;
    }

    String lessonChecksum() {
        return lessonChecksum;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant lastActiveAt() {
        return lastActiveAt;
    }

    Instant passedAt() {
        return passedAt;
    }

    long secondsSpent() {
        return secondsSpent;
    }

    List<StepProgress> steps() {
        return steps;
    }
}
