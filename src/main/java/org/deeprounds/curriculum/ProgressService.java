package org.deeprounds.curriculum;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.evaluation.ThresholdLocks;
import org.deeprounds.models.DatasetInputs;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A trainee working through a lesson: opening it (progress is kept per lesson version), doing its steps, and the
 * app checking each step's pass criterion against their runs and evaluations.
 */
@Service
public class ProgressService {

    private final CurriculumLibrary library;
    private final LessonProgressRepository progress;
    private final RunService runs;
    private final DatasetService datasets;
    private final EvaluationService evaluations;
    private final ThresholdLocks thresholdLocks;
    private final org.deeprounds.evaluation.reader.ReaderStudies readerStudies;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProgressService(
            CurriculumLibrary library,
            LessonProgressRepository progress,
            RunService runs,
            DatasetService datasets,
            EvaluationService evaluations,
            ThresholdLocks thresholdLocks,
            org.deeprounds.evaluation.reader.ReaderStudies readerStudies,
            TransactionTemplate transactions,
            Clock clock) {
        this.thresholdLocks = thresholdLocks;
        this.readerStudies = readerStudies;
        this.library = library;
        this.progress = progress;
        this.runs = runs;
        this.datasets = datasets;
        this.evaluations = evaluations;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The lesson with the current user's progress on its current version (started now if new). */
    @PreAuthorize("isAuthenticated()")
    public LessonState open(String courseId, String lessonId) {
        var course = library.course(courseId);
        var lesson = course.lesson(lessonId);
        return transactions.execute(status -> state(course, lesson, mine(lesson)));
    }

    /** Read, explore: done when the trainee says so. */
    @PreAuthorize("isAuthenticated()")
    public StepOutcome done(String courseId, String lessonId, String stepId) {
        return act(courseId, lessonId, stepId, (lesson, step, p) -> {
            // A build step without a criterion is for looking at a design: done when the trainee says so.
            boolean markable = step.kind() == StepKind.READ
                    || step.kind() == StepKind.EXPLORE
                    || (step.kind() == StepKind.BUILD && step.pass() == null);
            if (!markable) {
                throw new IllegalArgumentException("Step '" + stepId + "' is checked by the app, not marked done");
            }
            p.stepOrNew(stepId, clock.instant()).record(true, null, null, null, clock.instant());
            return StepOutcome.of(true, "Done.");
        });
    }

    /**
     * Grades a quiz: {@code chosen} holds, per question, the indexes of the options picked. Every answer counts as an
     * attempt; the first one's score is kept for the instructor. Once a limited quiz's attempts are used up the
     * answer is refused, not graded, and the step keeps its last result.
     */
    @PreAuthorize("isAuthenticated()")
    public StepOutcome answer(String courseId, String lessonId, String stepId, List<Set<Integer>> chosen) {
        return act(courseId, lessonId, stepId, (lesson, step, p) -> {
            if (step.kind() != StepKind.QUIZ) {
                throw new IllegalArgumentException("Step '" + stepId + "' is not a quiz");
            }
            if (chosen.size() != step.questions().size()) {
                throw new IllegalArgumentException(
                        "Answer all " + step.questions().size() + " questions");
            }
            var state = p.stepOrNew(stepId, clock.instant());
            if (step.limitsAttempts() && state.attempts() >= step.attempts()) {
                return StepOutcome.of(
                        state.passed(),
                        "You have used your " + step.attempts() + (step.attempts() == 1 ? " attempt" : " attempts")
                                + " at this quiz; your instructor can see your answers.");
            }
            var feedback = new ArrayList<String>();
            int right = 0;
            for (int q = 0; q < chosen.size(); q++) {
                var question = step.questions().get(q);
                var picked = chosen.get(q);
                if (picked.isEmpty()) {
                    throw new IllegalArgumentException("Question " + (q + 1) + " has no answer yet");
                }
                boolean correct = true;
                for (int o = 0; o < question.options().size(); o++) {
                    var option = question.options().get(o);
                    if (picked.contains(o)) {
                        feedback.add((q + 1) + ". " + (option.correct() ? "✓ " : "✗ ") + option.feedback());
                    }
                    correct &= option.correct() == picked.contains(o);
                }
                right += correct ? 1 : 0;
            }
            boolean passed = right == chosen.size();
            state.attempt(right, chosen.size());
            state.record(passed, null, right + " of " + chosen.size(), chosen.toString(), clock.instant());
            boolean lastAttempt = step.limitsAttempts() && state.attempts() >= step.attempts();
            return new StepOutcome(
                    passed,
                    passed
                            ? "All " + right + " right."
                            : right + " of " + chosen.size() + " right; "
                                    + (lastAttempt
                                            ? "that was your last attempt, so read the feedback; your instructor"
                                                    + " can see your answers."
                                            : "read the feedback and try again"
                                                    + (step.limitsAttempts()
                                                            ? " (attempt " + state.attempts() + " of " + step.attempts()
                                                                    + " used)."
                                                            : ".")),
                    feedback);
        });
    }

    /** Saves a reflection; it passes with at least the step's number of words. */
    @PreAuthorize("isAuthenticated()")
    public StepOutcome reflect(String courseId, String lessonId, String stepId, String text) {
        return act(courseId, lessonId, stepId, (lesson, step, p) -> {
            if (step.kind() != StepKind.REFLECT) {
                throw new IllegalArgumentException("Step '" + stepId + "' is not a reflection");
            }
            var words = text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
            if (text != null && text.length() > 10_000) {
                throw new IllegalArgumentException("A reflection holds at most 10,000 characters");
            }
            boolean passed = words >= step.minWords();
            var state = p.stepOrNew(stepId, clock.instant());
            if (state.passed() && !passed) {
                return StepOutcome.of(
                        true,
                        "Not saved: your earlier reflection (" + state.measured() + ") is kept;"
                                + " a new one needs at least " + step.minWords() + " words.");
            }
            state.record(passed, null, words + " words", text, clock.instant());
            return StepOutcome.of(
                    passed,
                    passed
                            ? "Saved for your instructor."
                            : "Saved; write at least " + step.minWords() + " words (" + words + " so far).");
        });
    }

    /** Starts the step's training run with the lesson's settings, and remembers it for the step. */
    @PreAuthorize("isAuthenticated()")
    public RunInfo train(String courseId, String lessonId, String stepId) {
        var course = library.course(courseId);
        var lesson = course.lesson(lessonId);
        var step = lesson.step(stepId);
        if (step.kind() != StepKind.TRAIN && step.kind() != StepKind.BUILD) {
            throw new IllegalArgumentException("Step '" + stepId + "' does not train");
        }
        long datasetId = datasetOf(step);
        var run = runs.submit(datasetId, null, null, specFor(step, datasetId));
        transactions.executeWithoutResult(status -> {
            var p = mine(lesson);
            p.touch(clock.instant());
            p.stepOrNew(stepId, clock.instant()).record(false, run.id(), null, null, clock.instant());
        });
        return run;
    }

    /**
     * Trains the trainee's design for a train or build step (what the builder beside the lesson shows), and remembers the
     * run for the step. What the lesson locks is checked here, on the server: a design that changes a locked setting
     * is refused with the setting named.
     */
    @PreAuthorize("isAuthenticated()")
    public RunInfo trainDesign(String courseId, String lessonId, String stepId, NetworkSpec design) {
        var lesson = library.course(courseId).lesson(lessonId);
        var step = lesson.step(stepId);
        if (step.kind() != StepKind.BUILD && step.kind() != StepKind.TRAIN) {
            throw new IllegalArgumentException("Step '" + stepId + "' does not train");
        }
        long datasetId = datasetOf(step);
        LockedSettings.check(specFor(step, datasetId), design, step.locked());
        var run = runs.submit(datasetId, null, null, design);
        transactions.executeWithoutResult(status -> {
            var p = mine(lesson);
            p.touch(clock.instant());
            p.stepOrNew(stepId, clock.instant()).record(false, run.id(), null, null, clock.instant());
        });
        return run;
    }

    /**
     * Checks a train, build or evaluate step against its run: a train or build step its own run (or the trainee's
     * latest on the step's dataset since the lesson began), an evaluate step the run of the last train or build step
     * before it, at the threshold locked for that run ({@link #evaluate} with the trainee's reasons).
     */
    @PreAuthorize("isAuthenticated()")
    public StepOutcome check(String courseId, String lessonId, String stepId) {
        return evaluateOrCheck(courseId, lessonId, stepId, null);
    }

    /**
     * Checks an evaluate step with the trainee's written reasons for their locked threshold (for steps with a
     * rubric; without reasons, those given when locking count).
     */
    @PreAuthorize("isAuthenticated()")
    public StepOutcome evaluate(String courseId, String lessonId, String stepId, String reasons) {
        return evaluateOrCheck(courseId, lessonId, stepId, reasons);
    }

    private StepOutcome evaluateOrCheck(String courseId, String lessonId, String stepId, String reasons) {
        return act(courseId, lessonId, stepId, (lesson, step, p) -> {
            return switch (step.kind()) {
                case TRAIN, BUILD -> checkRun(lesson, step, p);
                case EVALUATE -> checkEvaluation(lesson, step, p, reasons);
                case READER_STUDY -> checkReading(lesson, step, p);
                default -> throw new IllegalArgumentException("Step '" + stepId + "' is not checked against a run");
            };
        });
    }

    /**
     * Checks a train step once {@code runId} has finished (for the lesson page, which hears of every epoch); nothing
     * is recorded, and no time counted, while it still trains or for another step's run.
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<StepOutcome> checkWhenFinished(
            String courseId, String lessonId, String stepId, long runId) {
        var lesson = library.course(courseId).lesson(lessonId);
        var recorded = transactions.execute(
                status -> mine(lesson).step(stepId).map(StepProgress::runId).orElse(null));
        if (recorded == null || recorded != runId || !runs.get(runId).status().finished()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(check(courseId, lessonId, stepId));
    }

    private StepOutcome checkRun(Lesson lesson, Step step, LessonProgress p) {
        var state = p.stepOrNew(step.id(), clock.instant());
        // A build step judges the trainee's latest run (they may fix the design and train again); a train step the
        // run its Train button started.
        var run = runOf(step, p, step.kind() == StepKind.BUILD ? null : state.runId());
        if (run == null) {
            return StepOutcome.of(false, "No run yet: press Train this design first.");
        }
        if (!run.status().finished()) {
            return StepOutcome.of(
                    false,
                    "Run " + run.id() + " is " + run.status().name().toLowerCase(Locale.ROOT)
                            + "; check again when it has finished.");
        }
        var criterion = step.pass();
        Object measured;
        boolean passed;
        if (criterion == null) {
            measured = run.status();
            passed = run.status() == RunStatus.COMPLETED;
        } else {
            measured = runMeasure(criterion.measure(), run);
            passed = criterion.metBy(measured);
        }
        var shown = show(measured);
        state.record(passed, run.id(), shown, null, clock.instant());
        keepBest(state, criterion, measured);
        var what = criterion == null
                ? "run completed"
                : criterion.label() + " " + criterion.op() + " " + criterion.value();
        return StepOutcome.of(
                passed,
                passed
                        ? "✓ Run " + run.id() + ": " + what + " (" + shown + ")."
                        : "✗ Run " + run.id() + ": " + (criterion == null ? "status " : criterion.label() + " ") + shown
                                + ", needed " + what + "." + (step.hint() == null ? "" : " Hint: " + step.hint()));
    }

    private StepOutcome checkEvaluation(Lesson lesson, Step step, LessonProgress p, String reasons) {
        var state = p.stepOrNew(step.id(), clock.instant());
        Long runId = runBefore(lesson, step.id(), p);
        if (runId == null) {
            return StepOutcome.of(false, "Train the lesson's network first: this step judges that run.");
        }
        var run = runs.get(runId);
        if (run.status() != RunStatus.COMPLETED) {
            return StepOutcome.of(false, "Run " + runId + " has not completed, so it has no test evaluation.");
        }
        var lock = thresholdLocks.of(runId).orElse(null);
        if (lock == null) {
            return StepOutcome.of(
                    false,
                    "Lock a threshold for run " + runId + " first: choose it on the validation split on the"
                            + " evaluation page and press Lock this threshold. The test figures are then shown at it.");
        }
        double threshold = lock.threshold();
        var why = reasons != null && !reasons.isBlank() ? reasons.strip() : lock.justification();
        int words = why == null ? 0 : why.split("\\s+").length;
        if (step.asksForReasons() && words < step.minWords()) {
            return StepOutcome.of(
                    false,
                    "Say why threshold " + show(threshold) + " suits the use this step describes: at least "
                            + step.minWords() + " words (" + words + " so far). Your instructor scores it.");
        }
        var evaluation = evaluations.evaluate(runId, null);
        String answer = step.asksForReasons() ? why : null;
        if ("model-card".equals(step.deliverable())) {
            var card = evaluations.modelCard(runId, null).markdown();
            answer = answer == null ? card : answer + "\n\n---\n\n" + card;
        }
        state.figures(figures(threshold, evaluation.confusionMatrix()));
        var at = "threshold " + show(threshold) + " (chosen on the " + lock.chosenOn() + " split)";
        if ("validation".equals(step.thresholdFrom()) && !lock.chosenOnValidation()) {
            state.record(
                    false,
                    runId,
                    "threshold " + show(threshold) + " chosen on the test split",
                    answer,
                    clock.instant());
            return StepOutcome.of(
                    false,
                    "✗ Run " + runId + ": threshold " + show(threshold) + " was locked after its test figures had"
                            + " been shown, so it was chosen on the test split. This step needs a threshold chosen on"
                            + " the validation split and locked before the test split is opened; the test figures"
                            + " of this run can no longer grade a choice.");
        }
        var criterion = step.pass();
        if (criterion == null) {
            state.record(true, runId, "threshold " + show(threshold), answer, clock.instant());
            return StepOutcome.of(
                    true,
                    "✓ Run " + runId + " judged on its test split at " + at
                            + (answer == null ? "." : "; saved for your instructor."));
        }
        var measured = criterion.atLockedThreshold()
                ? testMeasure(
                        criterion.measure().replace("validation.", "test."),
                        evaluations.evaluateValidation(runId, null))
                : testMeasure(criterion.measure(), evaluation);
        boolean passed = criterion.metBy(measured);
        state.record(passed, runId, show(measured) + " at threshold " + show(threshold), answer, clock.instant());
        keepBest(state, criterion, measured);
        var what = criterion.label() + " " + criterion.op() + " " + criterion.value();
        return StepOutcome.of(
                passed,
                (passed ? "✓ " : "✗ ") + "Run " + runId + " at " + at + ": " + criterion.label()
                        + " " + show(measured) + (passed ? "" : ", needed " + what + ".")
                        + (!passed && step.hint() != null ? " Hint: " + step.hint() : "")
                        + (passed && answer != null ? "; saved for your instructor." : ""));
    }

    /**
     * The reader study of a reader-study step for the trainee's run of the lesson (the last train or build step before
     * it), set up on first use with the step's number of cases; a new run gets a new study.
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<Long> readerStudy(String courseId, String lessonId, String stepId) {
        var found = new java.util.concurrent.atomic.AtomicReference<Long>();
        act(courseId, lessonId, stepId, (lesson, step, p) -> {
            if (step.kind() != StepKind.READER_STUDY) {
                throw new IllegalArgumentException("Step '" + stepId + "' is not a reader study");
            }
            Long runId = runBefore(lesson, stepId, p);
            if (runId == null || runs.get(runId).status() != RunStatus.COMPLETED) {
                return StepOutcome.of(
                        false, "Train the lesson's network first: the study reads that run's test cases.");
            }
            var state = p.stepOrNew(stepId, clock.instant());
            var figures = state.figureValues();
            if (figures.containsKey("study") && String.valueOf(runId).equals(figures.get("run"))) {
                found.set(Long.parseLong(figures.get("study")));
            } else {
                long seed = step.readerSeed() != null
                        ? step.readerSeed()
                        : Math.floorMod(
                                SecurityContextHolder.getContext()
                                        .getAuthentication()
                                        .getName()
                                        .hashCode(),
                                1_000_000);
                var study = readerStudies.create(runId, step.readerCases(), seed);
                state.figures("study=" + study.id() + ";run=" + runId);
                found.set(study.id());
            }
            return StepOutcome.of(false, "");
        });
        return java.util.Optional.ofNullable(found.get());
    }

    private StepOutcome checkReading(Lesson lesson, Step step, LessonProgress p) {
        var state = p.stepOrNew(step.id(), clock.instant());
        var figures = state.figureValues();
        if (!figures.containsKey("study")) {
            return StepOutcome.of(false, "Open the reader study beside this text and read its cases first.");
        }
        long studyId = Long.parseLong(figures.get("study"));
        var summary = readerStudies.get(studyId);
        if (!summary.done()) {
            return StepOutcome.of(
                    false,
                    !summary.unassistedDone()
                            ? "Read all " + summary.cases() + " cases on your own first (" + summary.unassistedRead()
                                    + " so far)."
                            : "Now read the same cases with the model (" + summary.assistedRead() + " of "
                                    + summary.cases() + " so far).");
        }
        var r = readerStudies.results(studyId);
        var u = r.unassisted();
        var a = r.assisted();
        double accuracy = (u.tp() + u.tn()) / (double) r.cases();
        double assistedAccuracy = (a.tp() + a.tn()) / (double) r.cases();
        state.figures("study=" + studyId + ";run=" + figures.get("run")
                + ";sensitivity=" + u.sensitivity() + ";specificity=" + u.specificity()
                + ";assistedSensitivity=" + a.sensitivity() + ";assistedSpecificity=" + a.specificity()
                + ";modelSensitivity=" + r.model().sensitivity() + ";modelSpecificity="
                + r.model().specificity());
        var criterion = step.pass();
        if (criterion == null) {
            state.record(true, summary.runId(), show(accuracy), null, clock.instant());
            return StepOutcome.of(
                    true,
                    "✓ Both rounds read: " + show(accuracy) + " of your own calls right, " + show(assistedAccuracy)
                            + " with the model.");
        }
        Double measured = switch (criterion.measure()) {
            case "reader.sensitivity" -> u.sensitivity();
            case "reader.specificity" -> u.specificity();
            case "reader.assistedAccuracy" -> assistedAccuracy;
            default -> accuracy;
        };
        boolean passed = criterion.metBy(measured);
        state.record(passed, summary.runId(), show(measured), null, clock.instant());
        var what = criterion.label() + " " + criterion.op() + " " + criterion.value();
        return StepOutcome.of(
                passed,
                (passed ? "✓ " : "✗ ") + criterion.label() + " " + show(measured)
                        + (passed ? "." : ", needed " + what + ".")
                        + (!passed && step.hint() != null ? " Hint: " + step.hint() : ""));
    }

    /** What lesson text may quote of an evaluate step: the locked threshold and the test confusion matrix at it. */
    private static String figures(double threshold, org.deeprounds.evaluation.Confusion c) {
        var out = "threshold=" + show(threshold);
        if (c != null) {
            out += ";tp=" + c.tp() + ";fp=" + c.fp() + ";tn=" + c.tn() + ";fn=" + c.fn();
        }
        return out;
    }

    /** Remembers the best value of a model measure ("validation.*", "test.*") the step has seen, for grades. */
    private static void keepBest(StepProgress state, Criterion criterion, Object measured) {
        if (isModelMetric(criterion) && measured instanceof Number n) {
            state.metric(n.doubleValue(), higherIsBetter(criterion));
        }
    }

    /** A criterion on how good the model is (not on a run's status or length). */
    static boolean isModelMetric(Criterion criterion) {
        return criterion != null
                && (criterion.measure().startsWith("validation.")
                        || criterion.measure().startsWith("test."));
    }

    /** The direction the author asked for: "auc >= 0.8" wants it high, "loss <= 0.3" low. */
    static boolean higherIsBetter(Criterion criterion) {
        return !criterion.op().startsWith("<");
    }

    static Object runMeasure(String measure, RunInfo run) {
        if (measure.equals("run.status")) {
            return run.status().name();
        }
        if (measure.equals("run.epochs")) {
            return run.epoch();
        }
        var best = run.history().stream()
                .filter(m -> m.epoch() == run.bestEpoch())
                .findFirst()
                .orElse(run.history().isEmpty() ? null : run.history().getLast());
        if (best == null) {
            return null;
        }
        return switch (measure) {
            case "validation.loss" -> best.validationLoss();
            case "validation.accuracy" -> best.validationAccuracy();
            case "validation.auc" -> best.validationAuc();
            default ->
                throw new IllegalArgumentException(measure + " is measured on the test split, in an evaluate step");
        };
    }

    static Double testMeasure(String measure, org.deeprounds.evaluation.Evaluation e) {
        return switch (measure) {
            case "test.auc" -> e.auc() != null ? e.auc().value() : e.macroAuc();
            case "test.sensitivity" -> value(e.sensitivity());
            case "test.specificity" -> value(e.specificity());
            case "test.ppv" -> value(e.ppv());
            case "test.npv" -> value(e.npv());
            case "test.accuracy" -> value(e.accuracy());
            case "test.balancedAccuracy" -> value(e.balancedAccuracy());
            case "test.f1" -> value(e.f1());
            case "test.brier" ->
                e.calibration() == null ? null : e.calibration().brier();
            case "test.ece" -> e.calibration() == null ? null : e.calibration().ece();
            case "test.sensitivityGap" ->
                e.subgroups() == null
                        ? null
                        : e.subgroups().stream()
                                .map(org.deeprounds.evaluation.SubgroupReport::sensitivityGap)
                                .filter(java.util.Objects::nonNull)
                                .max(Double::compare)
                                .orElse(null);
            default -> throw new IllegalArgumentException(measure + " is not measured on the test split");
        };
    }

    private static Double value(org.deeprounds.evaluation.Estimate estimate) {
        return estimate == null ? null : estimate.value();
    }

    private static String show(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(value);
    }

    /** The step's own run, else the trainee's latest on the step's dataset since the lesson began. */
    private RunInfo runOf(Step step, LessonProgress p, Long recorded) {
        if (recorded != null) {
            return runs.get(recorded);
        }
        return runs.latestOwn(datasetOf(step), p.startedAt()).orElse(null);
    }

    /** The library id of a step's dataset, for opening it. */
    @PreAuthorize("isAuthenticated()")
    public long datasetIdOf(String courseId, String lessonId, String stepId) {
        return datasetOf(library.course(courseId).lesson(lessonId).step(stepId));
    }

    /** The run an evaluate step judges: that of the last train or build step before it, once there is one. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<Long> runForEvaluation(String courseId, String lessonId, String stepId) {
        var lesson = library.course(courseId).lesson(lessonId);
        return transactions.execute(status -> java.util.Optional.ofNullable(runBefore(lesson, stepId, mine(lesson))));
    }

    private static Long runBefore(Lesson lesson, String stepId, LessonProgress p) {
        Long runId = null;
        for (var s : lesson.steps()) {
            if (s.id().equals(stepId)) {
                break;
            }
            if (s.kind() == StepKind.TRAIN || s.kind() == StepKind.BUILD) {
                var earlier = p.step(s.id()).map(StepProgress::runId).orElse(null);
                runId = earlier != null ? earlier : runId;
            }
        }
        return runId;
    }

    long datasetOf(Step step) {
        return datasets.sampleId(step.dataset())
                .orElseThrow(() -> new NoSuchElementException("The dataset '" + step.dataset() + "' of this lesson is"
                        + " not in this installation's library; ask an administrator."));
    }

    /** The template's design for the dataset, with the lesson's starting values. */
    NetworkSpec specFor(Step step, long datasetId) {
        var summary = datasets.summary(datasetId);
        var spec = Templates.create(
                step.template(),
                DatasetInputs.shapeOf(summary),
                datasets.get(datasetId).classes().size());
        return LessonSettings.apply(spec, step.set());
    }

    private interface Action {
        StepOutcome apply(Lesson lesson, Step step, LessonProgress progress);
    }

    private StepOutcome act(String courseId, String lessonId, String stepId, Action action) {
        var course = library.course(courseId);
        var lesson = course.lesson(lessonId);
        var step = lesson.step(stepId);
        return transactions.execute(status -> {
            var p = mine(lesson);
            p.touch(clock.instant());
            var outcome = action.apply(lesson, step, p);
            p.updatePassed(lesson, clock.instant());
            progress.save(p);
            return outcome;
        });
    }

    private LessonProgress mine(Lesson lesson) {
        var me = SecurityContextHolder.getContext().getAuthentication().getName();
        return progress.findByUsernameAndLessonIdAndLessonChecksum(me, lesson.id(), lesson.checksum())
                .orElseGet(() -> progress.save(new LessonProgress(me, lesson, clock.instant())));
    }

    private LessonState state(Course course, Lesson lesson, LessonProgress p) {
        var steps = lesson.steps().stream()
                .map(step -> p.step(step.id())
                        .map(s -> new LessonState.StepState(
                                step,
                                s.passed(),
                                s.runId(),
                                s.measured(),
                                s.answer(),
                                s.comment(),
                                s.commentedBy(),
                                s.attempts(),
                                s.firstScore(),
                                s.figureValues(),
                                s.rubricMarks()))
                        .orElse(new LessonState.StepState(
                                step, false, null, null, null, null, null, 0, null, java.util.Map.of(), List.of())))
                .toList();
        boolean earlier = progress.findByUsernameAndCourseIdOrderByStartedAtAsc(p.username(), course.id()).stream()
                .anyMatch(o -> o.lessonId().equals(lesson.id())
                        && !o.lessonChecksum().equals(lesson.checksum())
                        && o.passedAt() != null);
        return new LessonState(course, lesson, steps, p.passedAt() != null, p.passedAt(), p.secondsSpent(), earlier);
    }
}
