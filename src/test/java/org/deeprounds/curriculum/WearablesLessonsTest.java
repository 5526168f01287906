package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import java.util.Comparator;
import org.deeprounds.IntegrationTest;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.evaluation.Evaluation;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.evaluation.ThresholdLocks;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ECG lessons pass with their own defaults: the train step trains {@code signal-cnn} on the shipped beats with the
 * lesson's settings and meets its criterion, and the evaluate step passes at a threshold chosen on validation the way
 * the lesson's hint says, then locked.
 */
@IntegrationTest
class WearablesLessonsTest {

    private static final String COURSE = "wearables";
    private static final String REASONS = "Holter burden counting: the locked threshold balances sensitivity and"
            + " specificity on the validation beats, because a false PVC call raises the counted burden and a missed"
            + " PVC lowers it; a cardiologist checks the count before it is reported, and these figures describe"
            + " synthetic beats whose records are not independent beats.";

    @Autowired
    ProgressService progress;

    @Autowired
    RunService runs;

    @Autowired
    AccountService accounts;

    @Autowired
    ThresholdLocks locks;

    @Autowired
    EvaluationService evaluations;

    @Test
    void the_beats_lesson_passes_with_its_defaults_at_a_balanced_threshold_locked_on_validation() throws Exception {
        var lesson = "wearables-normal-or-pvc";
        var trainee = trainee("beat-reader");
        var run = trainAndWait(trainee, lesson);
        var trained = check(trainee, lesson, "train");
        assertThat(trained.passed()).as(trained.message()).isTrue();
        assertThat(run.bestEpoch()).as("early stopping keeps an earlier epoch").isLessThan(run.epoch());

        var judged = lockAndJudge(trainee, lesson, "burden", WearablesLessonsTest::balanced);
        assertThat(judged.passed()).as(judged.message()).isTrue();
        assertThat(judged.message()).contains("validation balanced accuracy");
    }

    @Test
    void the_watch_lesson_passes_with_its_defaults_at_a_sensitive_threshold_locked_on_validation() throws Exception {
        var lesson = "wearables-watch-adds-and-hides";
        var trainee = trainee("watch-reader");
        trainAndWait(trainee, lesson);
        var trained = check(trainee, lesson, "train");
        assertThat(trained.passed()).as(trained.message()).isTrue();

        var judged = lockAndJudge(trainee, lesson, "review", v -> v.presets().ruleOut());
        assertThat(judged.passed()).as(judged.message()).isTrue();
    }

    /** The threshold on the validation ROC with the highest sensitivity + specificity, as the hint describes. */
    private static Double balanced(Evaluation validation) {
        return validation.roc().stream()
                .filter(p -> p.threshold() != null && p.threshold() > 0 && p.threshold() < 1)
                .max(Comparator.comparingDouble(p -> p.tpr() - p.fpr()))
                .orElseThrow()
                .threshold();
    }

    private StepOutcome lockAndJudge(
            String trainee, String lesson, String step, java.util.function.Function<Evaluation, Double> choose) {
        long runId = as(trainee, "TRAINEE", () -> progress.runForEvaluation(COURSE, lesson, step))
                .orElseThrow();
        var threshold = choose.apply(as(trainee, "TRAINEE", () -> evaluations.evaluateValidation(runId, null)));
        assertThat(threshold).as("a threshold chosen on validation").isNotNull();
        as(trainee, "TRAINEE", () -> locks.lock(runId, threshold, null));
        return as(trainee, "TRAINEE", () -> progress.evaluate(COURSE, lesson, step, REASONS));
    }

    private String trainee(String name) {
        TeachingFixtures.trainee(accounts, name, name, null);
        return name;
    }

    private RunInfo trainAndWait(String trainee, String lesson) throws InterruptedException {
        var run = as(trainee, "TRAINEE", () -> progress.train(COURSE, lesson, "train"));
        RunInfo info;
        long deadline = System.nanoTime() + 180_000_000_000L;
        do {
            Thread.sleep(100);
            info = as(trainee, "TRAINEE", () -> runs.get(run.id()));
        } while (!info.status().finished() && System.nanoTime() < deadline);
        assertThat(info.status().finished()).as("run finished within 3 minutes").isTrue();
        return info;
    }

    private StepOutcome check(String trainee, String lesson, String step) {
        return as(trainee, "TRAINEE", () -> progress.check(COURSE, lesson, step));
    }
}
