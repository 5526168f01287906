package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every quiz answer is an attempt: the first one's score is kept for the instructor, and a course (or one quiz) may
 * limit how many there are.
 */
@IntegrationTest
class QuizAttemptsTest {

    static final String COURSE = "quiz-limits";
    static final String LESSON = "quiz-limits-first";

    @Autowired
    ProgressService progress;

    @Autowired
    CurriculumLibrary library;

    @Test
    void a_course_limits_quiz_attempts_and_the_first_attempt_score_never_changes() {
        var course = TeachingFixtures.course(
                library,
                COURSE,
                "Quiz limits",
                "quizAttempts: 3",
                List.of(
                        TeachingFixtures.lesson(LESSON, "First", null),
                        TeachingFixtures.lesson("quiz-limits-strict", "Strict", 1)));
        var quiz = course.lesson(LESSON).step("check");
        assertThat(quiz.attempts()).as("the course's limit").isEqualTo(3);
        assertThat(course.lesson("quiz-limits-strict").step("check").attempts())
                .as("the quiz's own limit wins")
                .isEqualTo(1);

        var first = answer(LESSON, TeachingFixtures.firstRightOnly(quiz));
        assertThat(first.passed()).isFalse();
        assertThat(first.message()).isEqualTo("1 of 2 right; read the feedback and try again (attempt 1 of 3 used).");
        var second = answer(LESSON, TeachingFixtures.correct(quiz));
        assertThat(second.passed()).isTrue();
        var state =
                as("trainee3", "TRAINEE", () -> progress.open(COURSE, LESSON)).step("check");
        assertThat(state.attempts()).isEqualTo(2);
        assertThat(state.firstScore()).as("1 of 2 at the first attempt").isEqualTo(0.5);
        assertThat(state.canAttempt()).isTrue();

        // A third, worse attempt is counted but neither undoes the pass nor changes the first score.
        var third = answer(LESSON, List.of(Set.of(1), Set.of(1)));
        assertThat(third.passed()).isFalse();
        assertThat(third.message())
                .isEqualTo("0 of 2 right; that was your last attempt, so read the feedback; your instructor can see"
                        + " your answers.");
        var refused = answer(LESSON, TeachingFixtures.correct(quiz));
        assertThat(refused.message())
                .isEqualTo("You have used your 3 attempts at this quiz; your instructor can see your answers.");
        assertThat(refused.feedback()).isEmpty();
        assertThat(refused.passed()).as("the step keeps its result").isTrue();
        var after =
                as("trainee3", "TRAINEE", () -> progress.open(COURSE, LESSON)).step("check");
        assertThat(after.attempts()).isEqualTo(3);
        assertThat(after.firstScore()).isEqualTo(0.5);
        assertThat(after.passed()).isTrue();
        assertThat(after.measured())
                .as("the last graded attempt, not the refused one")
                .isEqualTo("0 of 2");
        assertThat(after.answer()).isEqualTo("[[1], [1]]");
        assertThat(after.canAttempt()).isFalse();
    }

    @Test
    void a_quiz_with_one_attempt_refuses_a_second_and_its_lesson_stays_unpassed() {
        TeachingFixtures.course(
                library, "quiz-once", "Quiz once", "", List.of(TeachingFixtures.lesson("quiz-once-only", "Only", 1)));
        var quiz = library.course("quiz-once").lesson("quiz-once-only").step("check");
        var wrong = as(
                "trainee3",
                "TRAINEE",
                () -> progress.answer("quiz-once", "quiz-once-only", "check", TeachingFixtures.firstRightOnly(quiz)));
        assertThat(wrong.message())
                .endsWith(
                        "that was your last attempt, so read the feedback; your instructor can" + " see your answers.");
        var again = as(
                "trainee3",
                "TRAINEE",
                () -> progress.answer("quiz-once", "quiz-once-only", "check", TeachingFixtures.correct(quiz)));
        assertThat(again.passed()).isFalse();
        assertThat(again.message())
                .isEqualTo("You have used your 1 attempt at this quiz; your instructor can see your answers.");
        assertThat(as("trainee3", "TRAINEE", () -> progress.open("quiz-once", "quiz-once-only"))
                        .step("check")
                        .passed())
                .isFalse();
    }

    @Test
    void without_a_limit_a_quiz_may_be_answered_again_and_again() {
        var lesson = library.course("foundations").lessons().getFirst();
        var quiz = lesson.steps().stream()
                .filter(s -> s.kind() == StepKind.QUIZ)
                .findFirst()
                .orElseThrow();
        assertThat(quiz.limitsAttempts()).isFalse();
        for (int i = 0; i < 5; i++) {
            as(
                    "trainee3",
                    "TRAINEE",
                    () -> progress.answer(
                            "foundations", lesson.id(), quiz.id(), TeachingFixtures.firstRightOnly(quiz)));
        }
        var state = as("trainee3", "TRAINEE", () -> progress.open("foundations", lesson.id()))
                .step(quiz.id());
        assertThat(state.attempts()).isEqualTo(5);
        assertThat(state.canAttempt()).isTrue();
        assertThat(state.firstScore()).isEqualTo(1.0 / quiz.questions().size());
    }

    @Test
    void a_limit_that_is_not_a_positive_whole_number_is_named_with_its_file_and_line(@TempDir Path dir)
            throws Exception {
        var folder = dir.resolve("demo");
        Files.createDirectories(folder.resolve("lessons"));
        Files.writeString(folder.resolve("course.yaml"), CourseLoaderTest.COURSE + "quizAttempts: 0\n");
        Files.writeString(
                folder.resolve("lessons/01-first.md"),
                TeachingFixtures.lesson("demo-first", "First", null)
                        .replace("    kind: quiz\n", "    kind: quiz\n    attempts: twice\n")
                        .replace("    kind: read\n", "    kind: read\n    attempts: 2\n"));
        var result = CourseLoader.load(folder, CourseLoaderTest.CATALOG);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .extracting(CourseProblem::toString)
                .containsExactlyInAnyOrder(
                        "course.yaml line 11: quizAttempts: at least 1 attempt, not 0; leave the field out for"
                                + " unlimited attempts",
                        "lessons/01-first.md line 8: unknown field 'attempts'; fields here: id, kind",
                        "lessons/01-first.md line 11: attempts: 'twice' is not a whole number");
    }

    private StepOutcome answer(String lessonId, List<Set<Integer>> chosen) {
        return as("trainee3", "TRAINEE", () -> progress.answer(COURSE, lessonId, "check", chosen));
    }
}
