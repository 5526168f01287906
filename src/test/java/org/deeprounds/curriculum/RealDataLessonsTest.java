package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.models.LayerSpec;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trainee who follows a lesson on each real dataset passes its checks: the lesson's train step, trained through the
 * lesson path with the lesson's settings (real DL4J training on the shipped data), meets its pass criterion, and so
 * does the evaluate step that judges it. The criteria were set from {@link RealDataLessonsBenchmark}.
 */
@IntegrationTest
class RealDataLessonsTest {

    @Autowired
    ProgressService progress;

    @Autowired
    RunService runs;

    @Autowired
    AccountService accounts;

    @Autowired
    CurriculumLibrary library;

    @Autowired
    org.deeprounds.evaluation.ThresholdLocks locks;

    @Autowired
    org.deeprounds.evaluation.EvaluationService evaluations;

    @Test
    void the_chest_xray_lesson_passes_with_its_own_settings_and_early_stopping_decides() throws Exception {
        var trainee = trainee("xray-reader");
        var run = trainAndWait(trainee, "medical-imaging", "medical-imaging-convolution-pooling", "train");
        var outcome = check(trainee, "medical-imaging", "medical-imaging-convolution-pooling", "train");
        assertThat(outcome.passed()).as(outcome.message()).isTrue();
        assertThat(outcome.message()).contains("validation AUC >= 0.95");
        assertThat(run.epoch())
                .as("the lesson allows 30 epochs; early stopping, not the budget, ends the run")
                .isLessThan(30);
        assertThat(run.bestEpoch()).isLessThan(run.epoch());
    }

    @Test
    void the_promoter_lesson_passes_its_train_and_test_checks() throws Exception {
        var trainee = trainee("promoter-reader");
        var lesson = "genomics-in-silico-mutagenesis";
        trainAndWait(trainee, "genomics", lesson, "train");
        var trained = check(trainee, "genomics", lesson, "train");
        assertThat(trained.passed()).as(trained.message()).isTrue();
        var unlocked = check(trainee, "genomics", lesson, "evaluate");
        assertThat(unlocked.passed()).isFalse();
        assertThat(unlocked.message()).contains("Lock a threshold");
        long runId = as(trainee, "TRAINEE", () -> progress.runForEvaluation("genomics", lesson, "evaluate"))
                .orElseThrow();
        // What the lesson asks: the rule-in preset, chosen on validation, locked, and the reasons written down.
        var ruleIn = as(trainee, "TRAINEE", () -> evaluations.evaluateValidation(runId, null))
                .presets()
                .ruleIn();
        assertThat(ruleIn).as("the rule-in preset exists on validation").isNotNull();
        as(trainee, "TRAINEE", () -> locks.lock(runId, ruleIn, null));
        var judged = as(
                trainee,
                "TRAINEE",
                () -> progress.evaluate(
                        "genomics",
                        lesson,
                        "evaluate",
                        "Rule-in for choosing predicted promoters to test at the bench, where a false positive wastes"
                                + " an assay; the validation specificity at the locked threshold is what I relied on."));
        assertThat(judged.passed()).as(judged.message()).isTrue();
        assertThat(judged.message()).contains("validation specificity at the locked threshold");
    }

    @Test
    void the_overfitting_lesson_on_the_biopsies_passes_when_the_trainee_builds_the_oversized_network()
            throws Exception {
        var trainee = trainee("overfitter");
        var course = "foundations";
        var lesson = "foundations-overfitting-splits";
        var step = library.course(course).lesson(lesson).step("overfit");
        long dataset = as(trainee, "TRAINEE", () -> progress.datasetOf(step));
        var start = as(trainee, "TRAINEE", () -> progress.specFor(step, dataset));
        // What the lesson asks: 256 and 128 neurons, no dropout; L2 is already 0 in the lesson.
        var oversized = new NetworkSpec(
                start.input(),
                List.of(
                        new LayerSpec.Dense(256, LayerSpec.Activation.RELU),
                        new LayerSpec.Dense(128, LayerSpec.Activation.RELU),
                        new LayerSpec.Output()),
                start.classes(),
                start.optimiser(),
                start.learningRate(),
                start.schedule(),
                start.l2(),
                start.batchSize(),
                start.epochs(),
                start.seed());
        assertThat(oversized.l2()).isZero();
        var run = as(trainee, "TRAINEE", () -> progress.trainDesign(course, lesson, "overfit", oversized));
        var finished = waitFor(trainee, run.id());
        var outcome = check(trainee, course, lesson, "overfit");
        assertThat(outcome.passed()).as(outcome.message()).isTrue();
        var last = finished.history().getLast();
        assertThat(last.trainLoss())
                .as("the curves the lesson asks the trainee to read: training loss far below validation loss")
                .isLessThan(last.validationLoss() / 2);
    }

    private String trainee(String name) {
        TeachingFixtures.trainee(accounts, name, name, null);
        return name;
    }

    private RunInfo trainAndWait(String trainee, String course, String lesson, String step)
            throws InterruptedException {
        var run = as(trainee, "TRAINEE", () -> progress.train(course, lesson, step));
        return waitFor(trainee, run.id());
    }

    private RunInfo waitFor(String trainee, long runId) throws InterruptedException {
        RunInfo info;
        long deadline = System.nanoTime() + 120_000_000_000L;
        do {
            Thread.sleep(100);
            info = as(trainee, "TRAINEE", () -> runs.get(runId));
        } while (!info.status().finished() && System.nanoTime() < deadline);
        assertThat(info.status().finished())
                .as("run " + runId + " finished within 2 minutes")
                .isTrue();
        return info;
    }

    private StepOutcome check(String trainee, String course, String lesson, String step) {
        return as(trainee, "TRAINEE", () -> progress.check(course, lesson, step));
    }
}
