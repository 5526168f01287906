package org.deeprounds.evaluation.reader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.formats.CaseEncoder;
import org.deeprounds.datasets.model.ModalityData;
import org.deeprounds.evaluation.EvaluationService;
import org.deeprounds.evaluation.Prediction;
import org.deeprounds.evaluation.ThresholdLocks;
import org.deeprounds.models.InputShape;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reader studies on a completed run's test split. The run's owner reads; the owner or their instructor may set one
 * up; whoever may see the run may see the study and its results, and no one else learns that it exists.
 */
@Service
public class ReaderStudies {

    /** The most cases one study may hold: a reading session, not an exam marathon. */
    public static final int MAX_CASES = 100;

    /** A study as listed for its run: how far its reader has got. */
    public record Summary(long id, long runId, String reader, int cases, int unassistedRead, int assistedRead) {

        public boolean unassistedDone() {
            return unassistedRead == cases;
        }

        public boolean done() {
            return assistedRead == cases;
        }
    }

    private final ReaderStudyRepository studies;
    private final ReaderReadRepository reads;
    private final RunService runs;
    private final EvaluationService evaluations;
    private final DatasetService datasets;
    private final ThresholdLocks locks;
    private final Clock clock;

    ReaderStudies(
            ReaderStudyRepository studies,
            ReaderReadRepository reads,
            RunService runs,
            EvaluationService evaluations,
            DatasetService datasets,
            ThresholdLocks locks,
            Clock clock) {
        this.studies = studies;
        this.reads = reads;
        this.runs = runs;
        this.evaluations = evaluations;
        this.datasets = datasets;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Sets up a study of {@code cases} test cases of the run, stratified by class in the test split's proportions
     * (at least one of each) and drawn with {@code seed}; its reader is the run's owner.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Summary create(long runId, int cases, long seed) {
        var run = runs.get(runId);
        var caller = caller();
        if (!run.owner().equals(caller)
                && !SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(AppRoles.authority(AppRoles.INSTRUCTOR))
                                || a.getAuthority().equals(AppRoles.authority(AppRoles.ADMIN)))) {
            throw new AccessDeniedException("Only the run's owner or their instructor sets up a reader study");
        }
        if (run.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException(
                    "Run " + runId + " is " + run.status() + "; a reader study reads a completed run's test split.");
        }
        var classes = runs.withDataOf(runId, () -> datasets.get(run.datasetId()).classes());
        if (classes.size() != 2) {
            throw new IllegalArgumentException("A reader study needs a task with two classes; run " + runId + " has "
                    + classes.size() + " (" + String.join(", ", classes) + ").");
        }
        var predictions = evaluations.predictions(runId);
        if (cases < 2 || cases > Math.min(MAX_CASES, predictions.size())) {
            throw new IllegalArgumentException("cases must be from 2 to " + Math.min(MAX_CASES, predictions.size())
                    + " (the test split has " + predictions.size() + "), not " + cases);
        }
        var positive = positiveClass(runId);
        var positives = new ArrayList<Integer>();
        var negatives = new ArrayList<Integer>();
        for (int i = 0; i < predictions.size(); i++) {
            (predictions.get(i).trueLabel().equals(positive) ? positives : negatives).add(i);
        }
        var random = new Random(seed);
        Collections.shuffle(positives, random);
        Collections.shuffle(negatives, random);
        int wantedPositives = (int) Math.round(cases * positives.size() / (double) predictions.size());
        wantedPositives = Math.max(1, Math.min(cases - 1, wantedPositives));
        wantedPositives = Math.min(wantedPositives, positives.size());
        int wantedNegatives = Math.min(cases - wantedPositives, negatives.size());
        var chosen = new ArrayList<Integer>();
        chosen.addAll(positives.subList(0, wantedPositives));
        chosen.addAll(negatives.subList(0, wantedNegatives));
        Collections.shuffle(chosen, random);
        // Ids name the place in the first round only: they say nothing of the class, the file or the test split.
        var byCase = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < chosen.size(); i++) {
            byCase.put("case-" + (i + 1), chosen.get(i));
        }
        var assisted = new ArrayList<>(byCase.keySet());
        Collections.shuffle(assisted, random);
        var study = studies.save(new ReaderStudy(runId, run.owner(), caller, clock.instant(), seed, byCase, assisted));
        return summary(study);
    }

    /** The studies of a run the caller may see, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Summary> ofRun(long runId) {
        runs.get(runId);
        return studies.findByRunIdOrderByIdDesc(runId).stream()
                .map(this::summary)
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Summary get(long studyId) {
        return summary(visible(studyId));
    }

    /** Whether the signed-in user is the study's reader (and so makes its calls). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isReader(long studyId) {
        return visible(studyId).reader().equals(caller());
    }

    /** The case ids of a phase, in the order the reader meets them. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> order(long studyId, Phase phase) {
        return visible(studyId).order(phase);
    }

    /** The reader's earlier call on a case in a phase: label and confidence, if made. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Optional<Map.Entry<String, Integer>> readOf(long studyId, String caseId, Phase phase) {
        visible(studyId);
        return reads.findByStudyIdAndCaseIdAndPhase(studyId, caseId, phase.key())
                .map(r -> Map.entry(r.label(), r.confidence()));
    }

    /** What the reader sees of a case; the assisted phase, with the model's probability, once the first round is done. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ReaderCase caseView(long studyId, String caseId, Phase phase) {
        var study = visible(studyId);
        var index = study.testIndexByCase().get(caseId);
        if (index == null) {
            throw new NoSuchElementException("No case '" + caseId + "' in reader study " + studyId + "; its cases are"
                    + " case-1 to case-" + study.testIndexByCase().size() + ".");
        }
        if (phase == Phase.ASSISTED) {
            requireUnassistedDone(study);
        }
        long runId = study.runId();
        var run = runs.get(runId);
        var shape = run.spec().input();
        var features = evaluations.caseInputs(runId).get(index);
        var classes = runs.withDataOf(runId, () -> datasets.get(run.datasetId()).classes());
        var positive = positiveClass(runId);
        var summary = runs.withDataOf(runId, () -> datasets.summary(run.datasetId()));
        String png = null;
        String sequence = null;
        Map<String, String> values = null;
        CaseContent.Signal signal = null;
        String modality = switch (summary.data()) {
            case ModalityData.Images images -> {
                png = CaseContent.png(features, shape);
                yield "imaging";
            }
            case ModalityData.Dna dna -> {
                sequence = CaseContent.sequence(features, shape);
                yield "genomics";
            }
            case ModalityData.Signals(var recorded) -> {
                signal = new CaseContent.Signal(CaseEncoder.signalValues(summary, features), recorded);
                yield "signal";
            }
            case ModalityData.Table(var table) -> {
                values = CaseContent.row(features, table);
                yield "tabular";
            }
        };
        Double probability = phase == Phase.ASSISTED
                ? evaluations.predictions(runId).get(index).probabilities().get(positive)
                : null;
        var order = study.order(phase);
        return new ReaderCase(
                studyId,
                caseId,
                phase.key(),
                order.indexOf(caseId) + 1,
                order.size(),
                modality,
                classes,
                positive,
                png,
                shape.kind() == InputShape.Kind.IMAGE ? shape.width() : 0,
                shape.kind() == InputShape.Kind.IMAGE ? shape.height() : 0,
                values,
                sequence,
                probability,
                signal == null ? null : signal.values(),
                signal == null ? null : signal.summary().leads(),
                signal == null ? 0 : signal.summary().samplingFrequency(),
                signal == null ? null : signal.summary().units(),
                signal == null ? null : signal.summary().windowBefore());
    }

    /** Why the model called the case what it did, in the assisted round: maps, mutagenesis or contributions. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public org.deeprounds.evaluation.Explanation explanation(long studyId, String caseId) {
        var study = visible(studyId);
        var index = study.testIndexByCase().get(caseId);
        if (index == null) {
            throw new NoSuchElementException("No case '" + caseId + "' in reader study " + studyId);
        }
        requireUnassistedDone(study);
        return evaluations.explain(study.runId(), "test-" + (index + 1)).withoutLabel(caseId);
    }

    /** Records the reader's call; only the reader makes calls, and the assisted round waits for the first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void read(long studyId, String caseId, Phase phase, String label, Integer confidence) {
        var study = visible(studyId);
        if (!study.reader().equals(caller())) {
            throw new AccessDeniedException("Only " + study.reader() + ", the reader of this study, makes its calls.");
        }
        if (!study.testIndexByCase().containsKey(caseId)) {
            throw new NoSuchElementException("No case '" + caseId + "' in reader study " + studyId);
        }
        var classes = runs.withDataOf(
                study.runId(),
                () -> datasets.get(runs.get(study.runId()).datasetId()).classes());
        if (label == null || !classes.contains(label)) {
            throw new IllegalArgumentException(
                    "label must be one of the classes " + String.join(", ", classes) + ", not '" + label + "'");
        }
        if (confidence == null || confidence < 1 || confidence > 5) {
            throw new IllegalArgumentException(
                    "confidence must be a whole number from 1 (unsure) to 5 (certain), not " + confidence);
        }
        if (phase == Phase.ASSISTED) {
            requireUnassistedDone(study);
        }
        var read = reads.findByStudyIdAndCaseIdAndPhase(studyId, caseId, phase.key())
                .orElseGet(() -> new ReaderRead(studyId, caseId, phase));
        read.call(label, confidence, clock.instant());
        reads.save(read);
    }

    /** The results, once the unassisted round is complete (the assisted figures once that one is). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ReaderResults results(long studyId) {
        var study = visible(studyId);
        requireUnassistedDone(study);
        long runId = study.runId();
        var positive = positiveClass(runId);
        var predictions = evaluations.predictions(runId);
        var byCase = study.testIndexByCase();
        var ids = new ArrayList<>(byCase.keySet());
        int n = ids.size();
        var calls = new HashMap<String, ReaderRead>();
        for (var r : reads.findByStudyId(studyId)) {
            calls.put(r.phase().key() + " " + r.caseId(), r);
        }
        var truth = new boolean[n];
        var first = new boolean[n];
        var confidence = new int[n];
        var second = new boolean[n];
        var scores = new double[n];
        boolean assistedDone = true;
        for (int i = 0; i < n; i++) {
            Prediction p = predictions.get(byCase.get(ids.get(i)));
            truth[i] = p.trueLabel().equals(positive);
            scores[i] = p.probabilities().get(positive);
            var u = calls.get("unassisted " + ids.get(i));
            first[i] = u.label().equals(positive);
            confidence[i] = u.confidence();
            var a = calls.get("assisted " + ids.get(i));
            if (a == null) {
                assistedDone = false;
            } else {
                second[i] = a.label().equals(positive);
            }
        }
        var lock = locks.of(runId);
        return ReaderResults.of(
                ids,
                positive,
                truth,
                first,
                confidence,
                assistedDone ? second : null,
                scores,
                lock.map(ThresholdLocks.Locked::threshold).orElse(0.5),
                lock.isPresent());
    }

    private void requireUnassistedDone(ReaderStudy study) {
        var summary = summary(study);
        if (!summary.unassistedDone()) {
            throw new IllegalStateException("The unassisted round comes first: " + summary.unassistedRead() + " of "
                    + summary.cases() + " cases read so far.");
        }
    }

    private Summary summary(ReaderStudy study) {
        int unassisted = 0;
        int assisted = 0;
        for (var r : reads.findByStudyId(study.id())) {
            if (r.phase() == Phase.UNASSISTED) {
                unassisted++;
            } else {
                assisted++;
            }
        }
        return new Summary(
                study.id(),
                study.runId(),
                study.reader(),
                study.testIndexByCase().size(),
                unassisted,
                assisted);
    }

    /** The study, if the caller may see its run; otherwise it does not exist for them. */
    private ReaderStudy visible(long studyId) {
        var study = studies.findById(studyId)
                .orElseThrow(() -> new NoSuchElementException("No reader study with id " + studyId));
        try {
            runs.get(study.runId());
        } catch (NoSuchElementException e) {
            throw new NoSuchElementException("No reader study with id " + studyId);
        }
        return study;
    }

    private String positiveClass(long runId) {
        var run = runs.get(runId);
        return runs.withDataOf(runId, () -> {
            var dataset = datasets.get(run.datasetId());
            return dataset.positiveClass() == null ? dataset.classes().getLast() : dataset.positiveClass();
        });
    }

    private static String caller() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
