package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deeprounds.TestUsers.as;

import java.util.List;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.deeprounds.training.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trainee works through the first foundations lesson with real training; the app checks each step, the instructor
 * sees it in the cohort grid and the grades CSV.
 */
@IntegrationTest
class LessonProgressTest {

    static final String COURSE = "foundations";
    static final String LESSON = "foundations-first-network";

    @Autowired
    ProgressService progress;

    @Autowired
    TeachingService teaching;

    @Autowired
    RunService runs;

    @Autowired
    org.deeprounds.accounts.AccountService accounts;

    @Autowired
    org.deeprounds.accounts.CohortService cohorts;

    @Test
    void a_trainee_passes_the_first_lesson_step_by_step_and_the_instructor_sees_it() throws Exception {
        // A trainee of their own: other tests train trainee1 on the biopsies, and this lesson's train step counts the
        // trainee's latest run on its dataset since the lesson began.
        var me = "tara-" + Long.toString(System.nanoTime(), 36);
        TeachingFixtures.trainee(accounts, me, "Tara Trainee", me + "@demo.invalid");
        TeachingFixtures.cohort(cohorts, "Progress " + me, "instructor", List.of(me));
        var lesson = as(me, "TRAINEE", () -> progress.open(COURSE, LESSON));
        assertThat(lesson.passed()).isFalse();
        assertThat(lesson.steps())
                .extracting(s -> s.step().kind())
                .containsExactly(StepKind.READ, StepKind.EXPLORE, StepKind.TRAIN, StepKind.QUIZ);

        as(me, "TRAINEE", () -> progress.done(COURSE, LESSON, "welcome"));
        as(me, "TRAINEE", () -> progress.done(COURSE, LESSON, "data"));
        assertThatThrownBy(() -> as(me, "TRAINEE", () -> progress.done(COURSE, LESSON, "train")))
                .hasMessageContaining("checked by the app");
        var early = as(me, "TRAINEE", () -> progress.check(COURSE, LESSON, "train"));
        assertThat(early.passed()).isFalse();

        var run = as(me, "TRAINEE", () -> progress.train(COURSE, LESSON, "train"));
        for (int i = 0;
                i < 600 && !as(me, "TRAINEE", () -> runs.get(run.id())).status().finished();
                i++) {
            Thread.sleep(100);
        }
        var trained = as(me, "TRAINEE", () -> progress.check(COURSE, LESSON, "train"));
        assertThat(trained.passed()).as(trained.message()).isTrue();
        assertThat(trained.message()).startsWith("✓ Run " + run.id() + ": validation accuracy >= 0.85");
        assertThat(as(me, "TRAINEE", () -> runs.get(run.id())).epochs()).isEqualTo(5);

        var quiz = lesson.step("check").step();
        var wrong = as(me, "TRAINEE", () -> progress.answer(COURSE, LESSON, "check", List.of(Set.of(1), Set.of(1))));
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.feedback()).hasSize(2).allSatisfy(f -> assertThat(f).contains("✗"));
        var right = as(me, "TRAINEE", () -> progress.answer(COURSE, LESSON, "check", correct(quiz)));
        assertThat(right.passed()).isTrue();
        assertThat(right.feedback()).allSatisfy(f -> assertThat(f).contains("✓"));
        assertThatThrownBy(() -> as(me, "TRAINEE", () -> progress.answer(COURSE, LESSON, "check", List.of(Set.of(0)))))
                .hasMessage("Answer all 2 questions");

        var done = as(me, "TRAINEE", () -> progress.open(COURSE, LESSON));
        assertThat(done.passed()).isTrue();
        assertThat(done.steps()).allMatch(LessonState.StepState::passed);

        var cohort = as("instructor", "INSTRUCTOR", () -> teaching.myCohorts()).stream()
                .filter(c -> c.trainees().stream().anyMatch(t -> t.username().equals(me)))
                .findFirst()
                .orElseThrow();
        as("instructor", "INSTRUCTOR", () -> {
            teaching.assign(cohort.id(), COURSE, java.time.LocalDate.of(2027, 1, 31));
            return null;
        });
        var grid = as("instructor", "INSTRUCTOR", () -> teaching.grid(cohort.id(), COURSE));
        var row = grid.stream().filter(r -> r.username().equals(me)).findFirst().orElseThrow();
        assertThat(row.cells().getFirst().status()).isEqualTo(TeachingService.Status.PASSED);
        assertThat(row.cells().getFirst().best()).contains("train: ");
        assertThat(row.cells().get(1).status()).isEqualTo(TeachingService.Status.NOT_STARTED);
        var csv = as("instructor", "INSTRUCTOR", () -> teaching.csv(cohort.id()));
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("Username,Display name,")
                .contains(",foundations-first-network passed,"
                        + "foundations-first-network quiz first-attempt %,foundations-first-network quiz attempts,"
                        + "foundations-first-network best validation.accuracy,foundations-first-network late,");
        var grades = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new java.io.StringReader(csv))
                .getRecords()
                .stream()
                .filter(r -> r.get("Username").equals(me))
                .findFirst()
                .orElseThrow();
        assertThat(grades.get("Display name")).isEqualTo("Tara Trainee");
        assertThat(grades.get("Email")).isEqualTo(me + "@demo.invalid");
        assertThat(grades.get("foundations-first-network passed")).isEqualTo("yes");
        assertThat(grades.get("foundations-first-network quiz first-attempt %"))
                .as("both wrong at first")
                .isEqualTo("0");
        assertThat(grades.get("foundations-first-network quiz attempts")).isEqualTo("2");
        assertThat(Double.parseDouble(grades.get("foundations-first-network best validation.accuracy")))
                .isGreaterThanOrEqualTo(0.85);
        assertThat(grades.get("foundations-first-network late"))
                .as("due 2027-01-31")
                .isEqualTo("no");
        assertThat(grades.get("foundations-neurons-layers passed")).isEqualTo("no");
        var assigned = as(me, "TRAINEE", () -> teaching.assignedToMe());
        assertThat(assigned).anySatisfy(a -> {
            assertThat(a.course().id()).isEqualTo(COURSE);
            assertThat(a.due()).isEqualTo(java.time.LocalDate.of(2027, 1, 31));
        });
        assertThatThrownBy(() -> as(me, "TRAINEE", () -> teaching.grid(cohort.id(), COURSE)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_build_step_without_a_criterion_is_done_when_marked_but_a_train_step_needs_its_run() {
        var lessonId = "foundations-neurons-layers";
        var build = as("trainee2", "TRAINEE", () -> progress.open(COURSE, lessonId)).steps().stream()
                .filter(s -> s.step().kind() == StepKind.BUILD)
                .findFirst()
                .orElseThrow()
                .step();
        assertThat(build.pass()).isNull();
        var outcome = as("trainee2", "TRAINEE", () -> progress.done(COURSE, lessonId, build.id()));
        assertThat(outcome.passed()).isTrue();
        assertThat(as("trainee2", "TRAINEE", () -> progress.open(COURSE, lessonId))
                        .step(build.id())
                        .passed())
                .isTrue();
        assertThatThrownBy(() -> as("trainee2", "TRAINEE", () -> progress.done(COURSE, LESSON, "train")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checked by the app");
    }

    @Test
    void a_reflection_needs_enough_words_and_is_kept() {
        var lessonId = "foundations-neurons-layers";
        var state = as("trainee2", "TRAINEE", () -> progress.open(COURSE, lessonId));
        var reflect = state.steps().stream()
                .filter(s -> s.step().kind() == StepKind.REFLECT)
                .findFirst()
                .orElseThrow()
                .step();
        var short_ = as("trainee2", "TRAINEE", () -> progress.reflect(COURSE, lessonId, reflect.id(), "Too short."));
        assertThat(short_.passed()).isFalse();
        assertThat(short_.message()).contains("at least " + reflect.minWords() + " words (2 so far)");
        var text = "word ".repeat(reflect.minWords()).strip();
        assertThat(as("trainee2", "TRAINEE", () -> progress.reflect(COURSE, lessonId, reflect.id(), text))
                        .passed())
                .isTrue();
        assertThat(as("trainee2", "TRAINEE", () -> progress.open(COURSE, lessonId))
                        .step(reflect.id())
                        .answer())
                .isEqualTo(text);
        // A shorter text later does not replace the reflection that passed.
        assertThat(as("trainee2", "TRAINEE", () -> progress.reflect(COURSE, lessonId, reflect.id(), "Oops"))
                        .message())
                .startsWith("Not saved: your earlier reflection");

        // The instructor reads it and comments; the trainee sees the comment in the lesson.
        var cohort = as("instructor", "INSTRUCTOR", () -> teaching.myCohorts()).stream()
                .filter(c -> c.trainees().stream().anyMatch(t -> t.username().equals("trainee2")))
                .findFirst()
                .orElseThrow();
        var submission = as("instructor", "INSTRUCTOR", () -> teaching.submissions(cohort.id(), COURSE)).stream()
                .filter(x -> x.username().equals("trainee2") && x.text().equals(text))
                .findFirst()
                .orElseThrow();
        as("instructor", "INSTRUCTOR", () -> {
            teaching.comment(cohort.id(), submission.stepProgressId(), "Good start; add a clinical example.");
            return null;
        });
        var seen =
                as("trainee2", "TRAINEE", () -> progress.open(COURSE, lessonId)).step(reflect.id());
        assertThat(seen.comment()).isEqualTo("Good start; add a clinical example.");
        assertThat(seen.commentedBy()).isEqualTo("instructor");
        assertThat(seen.answer()).isEqualTo(text);
    }

    private static List<Set<Integer>> correct(Step quiz) {
        return quiz.questions().stream()
                .map(q -> {
                    var right = new java.util.TreeSet<Integer>();
                    for (int i = 0; i < q.options().size(); i++) {
                        if (q.options().get(i).correct()) {
                            right.add(i);
                        }
                    }
                    return (Set<Integer>) right;
                })
                .toList();
    }
}
