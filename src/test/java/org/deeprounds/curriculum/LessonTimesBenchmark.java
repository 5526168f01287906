package org.deeprounds.curriculum;

import static org.deeprounds.TestUsers.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprounds.IntegrationTest;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.training.RunService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every train, build and evaluate step of every shipped lesson, with the lesson's own settings, on this machine: the
 * wall time from pressing Train to the run's end, and whether the step's pass criterion is met (evaluate steps at
 * 0.5, else at the rule-out or rule-in preset, as a trainee would try). For docs/benchmarks.md:
 * {@code mvn test -Dtest=LessonTimesBenchmark -Dbenchmark=true}
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = "deeprounds.training.max-queued-per-user=50")
class LessonTimesBenchmark {

    @Autowired
    org.deeprounds.evaluation.ThresholdLocks locks;

    @Autowired
    CurriculumLibrary library;

    @Autowired
    ProgressService progress;

    @Autowired
    RunService runs;

    @Autowired
    EvaluationService evaluations;

    @Test
    void every_lesson_step_that_trains_or_judges() throws Exception {
        var lines = new ArrayList<String>();
        for (var course : library.courses()) {
            for (var lesson : course.lessons()) {
                double lessonSeconds = 0;
                for (var step : lesson.steps()) {
                    if (step.kind() == StepKind.TRAIN || step.kind() == StepKind.BUILD) {
                        long start = System.nanoTime();
                        var run = as("trainee1", "TRAINEE", () -> progress.train(course.id(), lesson.id(), step.id()));
                        while (!as("trainee1", "TRAINEE", () -> runs.get(run.id()))
                                .status()
                                .finished()) {
                            Thread.sleep(50);
                        }
                        double seconds = (System.nanoTime() - start) / 1e9;
                        lessonSeconds += seconds;
                        var outcome =
                                as("trainee1", "TRAINEE", () -> progress.check(course.id(), lesson.id(), step.id()));
                        var info = as("trainee1", "TRAINEE", () -> runs.get(run.id()));
                        lines.add(line(course.id(), lesson.id(), step, seconds, info.epoch(), outcome));
                    } else if (step.kind() == StepKind.EVALUATE) {
                        var runId = as(
                                "trainee1",
                                "TRAINEE",
                                () -> progress.runForEvaluation(course.id(), lesson.id(), step.id()));
                        if (runId.isEmpty()) {
                            continue;
                        }
                        var presets = as("trainee1", "TRAINEE", () -> evaluations.evaluateValidation(runId.get(), 0.5))
                                .presets();
                        var thresholds = new ArrayList<Double>(List.of(0.5));
                        if (presets != null && presets.ruleOut() != null) {
                            thresholds.add(presets.ruleOut());
                        }
                        if (presets != null && presets.ruleIn() != null) {
                            thresholds.add(presets.ruleIn());
                        }
                        // The trainee's choice on validation, locked before the test split is opened: the rule-out
                        // preset where there is one, else 0.5.
                        double chosen = thresholds.size() > 1 ? thresholds.get(1) : 0.5;
                        as("trainee1", "TRAINEE", () -> locks.lock(runId.get(), chosen, null));
                        StepOutcome outcome =
                                as("trainee1", "TRAINEE", () -> progress.check(course.id(), lesson.id(), step.id()));
                        var auc = as("trainee1", "TRAINEE", () -> evaluations.evaluate(runId.get(), 0.5))
                                .auc();
                        lines.add(line(course.id(), lesson.id(), step, 0, 0, outcome)
                                + String.format(
                                        Locale.ROOT, " | test AUC %.3f", auc == null ? Double.NaN : auc.value()));
                    }
                }
                lines.add(String.format(
                        Locale.ROOT,
                        "LESSON_TOTAL course=%s lesson=%s training_s=%.1f",
                        course.id(),
                        lesson.id(),
                        lessonSeconds));
            }
        }
        lines.forEach(System.out::println);
    }

    private static String line(
            String course, String lesson, Step step, double seconds, int epochs, StepOutcome outcome) {
        return String.format(
                Locale.ROOT,
                "LESSON course=%s lesson=%s step=%s kind=%s criterion=%s seconds=%.1f epochs=%d passed=%s | %s",
                course,
                lesson,
                step.id(),
                step.kind().key(),
                step.pass() == null ? "-" : step.pass().toString().replace(' ', '_'),
                seconds,
                epochs,
                outcome.passed(),
                outcome.message());
    }
}
