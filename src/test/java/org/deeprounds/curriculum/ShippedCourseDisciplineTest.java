package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a curriculum committee checks in the shipped courses: the test split is read only at a threshold locked on
 * validation and never to decide what to train next; quizzes do not give their answers away by length or place; every
 * course builds questions on the learner's own run; reflections and model cards are scored on a rubric.
 */
class ShippedCourseDisciplineTest {

    /** Words in a hint that send the trainee back to training after reading a test figure. */
    static final Pattern RETRAIN = Pattern.compile(
            "train (it )?again|retrain|new run|another run|re-?run|another seed", Pattern.CASE_INSENSITIVE);

    @Test
    void no_step_reads_the_test_split_before_a_threshold_is_locked_on_validation() throws IOException {
        for (var course : courses()) {
            for (var lesson : course.lessons()) {
                for (var step : lesson.steps()) {
                    var where = course.id() + "/" + lesson.id() + "#" + step.id();
                    if (step.pass() != null && step.pass().measure().startsWith("test.")) {
                        assertThat(step.kind())
                                .as(where + ": test measures only after a lock")
                                .isEqualTo(StepKind.EVALUATE);
                    }
                    if (step.kind() == StepKind.EVALUATE) {
                        assertThat(step.thresholdFrom())
                                .as(where + ": judged at a threshold chosen on validation")
                                .isEqualTo("validation");
                        if (step.hint() != null) {
                            assertThat(sendsBackToTraining(step.hint()))
                                    .as(where + ": the hint sends the trainee back to training: " + step.hint())
                                    .isFalse();
                        }
                    }
                }
            }
        }
    }

    @Test
    void the_correct_option_is_not_given_away_by_its_length_or_place() throws IOException {
        for (var course : courses()) {
            var ratios = new ArrayList<Double>();
            int single = 0;
            int longest = 0;
            int items = 0;
            int first = 0;
            for (var question : questions(course)) {
                items++;
                if (question.options().getFirst().correct()) {
                    first++;
                }
                if (question.multiple()) {
                    continue;
                }
                single++;
                var correct = question.options().stream()
                        .filter(Step.Option::correct)
                        .findFirst()
                        .orElseThrow();
                var wrong =
                        question.options().stream().filter(o -> !o.correct()).toList();
                double meanWrong = wrong.stream()
                        .mapToInt(o -> o.text().length())
                        .average()
                        .orElse(1);
                ratios.add(correct.text().length() / meanWrong);
                if (wrong.stream()
                        .allMatch(o -> o.text().length() < correct.text().length())) {
                    longest++;
                }
            }
            assertThat(items).as(course.id() + " has quizzes").isPositive();
            assertThat((double) longest / single)
                    .as(course.id() + ": share of single-answer items whose correct option is the longest")
                    .isLessThanOrEqualTo(0.4);
            assertThat(median(ratios))
                    .as(course.id() + ": median length of the correct option over the mean wrong one")
                    .isLessThanOrEqualTo(1.25);
            assertThat((double) first / items)
                    .as(course.id() + ": share of items listing the correct option first")
                    .isLessThanOrEqualTo(0.5);
        }
    }

    @Test
    void every_course_asks_about_the_learners_own_results_and_scores_written_work_on_a_rubric() throws IOException {
        for (var course : courses()) {
            long own = questions(course).stream()
                    .filter(q -> LessonText.PLACEHOLDER.matcher(q.text()).find()
                            || q.options().stream()
                                    .anyMatch(o -> LessonText.PLACEHOLDER
                                            .matcher(o.text())
                                            .find()))
                    .count();
            assertThat(own)
                    .as(course.id() + ": quiz items built on the learner's own run")
                    .isGreaterThanOrEqualTo(2);
            for (var lesson : course.lessons()) {
                for (var step : lesson.steps()) {
                    if (step.kind() == StepKind.REFLECT || "model-card".equals(step.deliverable())) {
                        assertThat(step.rubric())
                                .as(course.id() + "/" + lesson.id() + "#" + step.id() + " is scored on a rubric")
                                .isNotEmpty();
                    }
                }
            }
        }
    }

    /** A suggestion to train again; "do not retrain" and "never train again" are warnings, not suggestions. */
    static boolean sendsBackToTraining(String hint) {
        var m = RETRAIN.matcher(hint);
        while (m.find()) {
            var before = hint.substring(Math.max(0, m.start() - 12), m.start()).toLowerCase(java.util.Locale.ROOT);
            if (!(before.contains("not ")
                    || before.contains("never ")
                    || before.contains("n't ")
                    || before.contains("no "))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_warning_against_retraining_is_not_a_suggestion_to_retrain() {
        assertThat(sendsBackToTraining("Do not retrain until the test figure looks better."))
                .isFalse();
        assertThat(sendsBackToTraining("If the AUC is below 0.95, train again and evaluate the new run."))
                .isTrue();
        assertThat(sendsBackToTraining("Try another seed.")).isTrue();
    }

    private static List<Step.Question> questions(Course course) {
        return course.lessons().stream()
                .flatMap(l -> l.steps().stream())
                .flatMap(s -> s.questions().stream())
                .toList();
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Course> courses() throws IOException {
        var out = new ArrayList<Course>();
        try (Stream<Path> list = Files.list(Path.of("curricula"))) {
            for (var folder : list.filter(Files::isDirectory).sorted().toList()) {
                var result = CourseLoader.load(folder, CourseLoaderTest.CATALOG);
                assertThat(result.problems()).as(folder.toString()).isEmpty();
                out.add(result.course());
            }
        }
        return out;
    }
}
