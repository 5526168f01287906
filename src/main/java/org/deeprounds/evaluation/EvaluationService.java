package org.deeprounds.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.formats.CaseEncoder;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.ModalityData;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.deeprounds.training.Trainer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a completed run on its dataset's test split, once: the first request after training reads the test split,
 * runs the saved model and stores every case's probabilities beside the model ({@link org.deeprounds.training.RunFolder#testPredictions()}); later
 * requests, at any threshold, only recompute the arithmetic. Nothing reads the test split before a run has
 * completed, and nothing chosen during training ever saw it. Same access rules as the run.
 */
@Service
public class EvaluationService {

    private final RunService runs;
    private final DatasetService datasets;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ThresholdLocks thresholdLocks;
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    /**
     * Recently used runs' predictions and subgroup memberships, so that moving the threshold slider redoes only the
     * arithmetic, not file reads. Both are fixed once a run is scored.
     */
    private final Map<String, Object> recent =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > 64;
                }
            });

    EvaluationService(
            RunService runs, DatasetService datasets, JsonMapper json, AuditLog audit, ThresholdLocks thresholdLocks) {
        this.audit = audit;
        this.thresholdLocks = thresholdLocks;
        this.runs = runs;
        this.datasets = datasets;
        this.json = json;
    }

    /** Every test case with its true label and predicted probabilities. */
    @PreAuthorize("isAuthenticated()")
    public List<Prediction> predictions(long runId) {
        return runs.withDataOf(runId, () -> predictionsWithData(runId));
    }

    private List<Prediction> predictionsWithData(long runId) {
        var run = runs.get(runId);
        if (run.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException(
                    "Run " + runId + " is " + run.status() + "; only a completed run is evaluated on the test split.");
        }
        var file = runs.folderOf(runId).testPredictions();
        synchronized (locks.computeIfAbsent(runId, id -> new Object())) {
            try {
                if (!Files.exists(file)) {
                    var computed = compute(runId, run.datasetId(), run.spec());
                    audit.record(
                            AuditAction.TEST_SPLIT_SCORED,
                            SecurityContextHolder.getContext()
                                    .getAuthentication()
                                    .getName(),
                            "run " + runId,
                            computed.size() + " test cases of dataset " + run.datasetId());
                    var temporary = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(temporary, json.writeValueAsString(computed));
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    var named = named(computed, run.datasetId());
                    recent.put("predictions " + runId, named);
                    return named;
                }
                @SuppressWarnings("unchecked")
                var cached = (List<Prediction>) recent.get("predictions " + runId);
                if (cached == null) {
                    cached = named(
                            json.readValue(Files.readString(file), new TypeReference<List<Prediction>>() {}),
                            run.datasetId());
                    recent.put("predictions " + runId, cached);
                }
                return cached;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not evaluate run " + runId + ": " + e.getMessage(), e);
            }
        }
    }

    /** The cases with the names the dataset gives them (a table's patient id), where it gives any. */
    private List<Prediction> named(List<Prediction> predictions, long datasetId) {
        var names = datasets.readTestCaseNames(datasetId);
        if (names.size() != predictions.size()) {
            return predictions;
        }
        var out = new ArrayList<Prediction>(predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            out.add(predictions.get(i).named(names.get(i)));
        }
        return List.copyOf(out);
    }

    /**
     * The test evaluation at {@code threshold}; when null, at the run's locked threshold, else 0.5 (binary tasks).
     * Showing test figures before a threshold is locked is recorded ({@link ThresholdLocks#testOpened}).
     */
    @PreAuthorize("isAuthenticated()")
    public Evaluation evaluate(long runId, Double threshold) {
        return runs.withDataOf(runId, () -> {
            var locked = thresholdLocks.of(runId);
            var evaluation = evaluateWithData(
                    runId,
                    threshold != null
                            ? threshold
                            : locked.map(ThresholdLocks.Locked::threshold).orElse(null));
            if (locked.isEmpty()) {
                thresholdLocks.testOpened(runId);
            }
            return evaluation.with(
                    "test",
                    locked.map(ThresholdLocks.Locked::threshold).orElse(null),
                    locked.map(ThresholdLocks.Locked::chosenOn).orElse(null));
        });
    }

    /**
     * The same figures on the validation split, where a threshold may be chosen without touching the test split: at
     * {@code threshold}, else the locked one, else 0.5. Subgroups are reported on the test split only.
     */
    @PreAuthorize("isAuthenticated()")
    public Evaluation evaluateValidation(long runId, Double threshold) {
        return runs.withDataOf(runId, () -> {
            var locked = thresholdLocks.of(runId);
            var t = threshold != null
                    ? threshold
                    : locked.map(ThresholdLocks.Locked::threshold).orElse(null);
            return validationWithData(runId, t)
                    .with(
                            "validation",
                            locked.map(ThresholdLocks.Locked::threshold).orElse(null),
                            locked.map(ThresholdLocks.Locked::chosenOn).orElse(null));
        });
    }

    private Evaluation validationWithData(long runId, Double threshold) {
        checkThreshold(threshold);
        var run = runs.get(runId);
        if (run.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("Run " + runId + " is " + run.status()
                    + "; only a completed run is evaluated on its validation split.");
        }
        var dataset = datasets.get(run.datasetId());
        var classes = dataset.classes();
        var validation = validationPredictions(runId, dataset.id());
        int n = validation.size();
        var truth = new int[n];
        var probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
            var p = validation.get(i);
            truth[i] = classes.indexOf(p.trueLabel());
            probabilities[i] =
                    classes.stream().mapToDouble(p.probabilities()::get).toArray();
        }
        int positive = dataset.positiveClass() == null ? classes.size() - 1 : classes.indexOf(dataset.positiveClass());
        var train = dataset.splits().get("train");
        return Evaluator.evaluate(
                classes,
                truth,
                probabilities,
                positive,
                threshold,
                train == null ? Map.of() : train.classCounts(),
                Map.of(),
                dataset.publishedResult(),
                classes.size() == 2 ? truth : null,
                classes.size() == 2 ? probabilities : null);
    }

    private static void checkThreshold(Double threshold) {
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, not " + threshold);
        }
    }

    private Evaluation evaluateWithData(long runId, Double threshold) {
        checkThreshold(threshold);
        var predictions = predictions(runId);
        var dataset = datasets.get(runs.get(runId).datasetId());
        var classes = dataset.classes();
        int n = predictions.size();
        var truth = new int[n];
        var probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
            var p = predictions.get(i);
            truth[i] = classes.indexOf(p.trueLabel());
            probabilities[i] =
                    classes.stream().mapToDouble(p.probabilities()::get).toArray();
        }
        int positive = dataset.positiveClass() == null ? classes.size() - 1 : classes.indexOf(dataset.positiveClass());
        var train = dataset.splits().get("train");
        var groups = new LinkedHashMap<String, List<String>>();
        var tabular = datasets.summary(dataset.id()).tabular();
        if (tabular != null && classes.size() == 2) {
            for (var column : tabular.sensitiveColumns()) {
                @SuppressWarnings("unchecked")
                var groupOf = (List<String>) recent.computeIfAbsent(
                        "groups " + dataset.id() + " " + column, key -> datasets.readTestGroups(dataset.id(), column));
                if (groupOf.size() == n) {
                    groups.put(column, groupOf);
                }
            }
        }
        int[] validationTruth = null;
        double[][] validationProbabilities = null;
        if (classes.size() == 2) {
            var validation = validationPredictions(runId, dataset.id());
            validationTruth = new int[validation.size()];
            validationProbabilities = new double[validation.size()][];
            for (int i = 0; i < validation.size(); i++) {
                var p = validation.get(i);
                validationTruth[i] = classes.indexOf(p.trueLabel());
                validationProbabilities[i] =
                        classes.stream().mapToDouble(p.probabilities()::get).toArray();
            }
        }
        return Evaluator.evaluate(
                classes,
                truth,
                probabilities,
                positive,
                threshold,
                train == null ? Map.of() : train.classCounts(),
                groups,
                dataset.publishedResult(),
                validationTruth,
                validationProbabilities);
    }

    /** The validation split scored by the run's model, once, for choosing thresholds where the test split is not seen. */
    private List<Prediction> validationPredictions(long runId, long datasetId) {
        var file = runs.folderOf(runId).validationPredictions();
        synchronized (locks.computeIfAbsent(runId, id -> new Object())) {
            try {
                @SuppressWarnings("unchecked")
                var cached = (List<Prediction>) recent.get("validation " + runId);
                if (cached != null) {
                    return cached;
                }
                if (Files.exists(file)) {
                    cached = json.readValue(Files.readString(file), new TypeReference<List<Prediction>>() {});
                } else {
                    var examples = new ArrayList<Example>();
                    datasets.readExamples(datasetId, org.deeprounds.datasets.model.Split.VALIDATION, examples::add);
                    cached = score(runId, datasetId, runs.get(runId).spec(), examples, "validation-");
                    var temporary = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(temporary, json.writeValueAsString(cached));
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                recent.put("validation " + runId, cached);
                return cached;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not score the validation split of run " + runId + ": " + e.getMessage(), e);
            }
        }
    }

    /** The run's model card at {@code threshold}. */
    @PreAuthorize("isAuthenticated()")
    public ModelCard modelCard(long runId, Double threshold) {
        return runs.withDataOf(runId, () -> modelCardWithData(runId, threshold));
    }

    private ModelCard modelCardWithData(long runId, Double threshold) {
        var evaluation = evaluate(runId, threshold);
        var run = runs.get(runId);
        return ModelCard.of(
                run,
                datasets.get(run.datasetId()),
                evaluation,
                runs.origins(List.of(runId)).get(runId));
    }

    /** Why the model called test case {@code caseId} ("test-N") what it did; explains its most probable class. */
    @PreAuthorize("isAuthenticated()")
    public Explanation explain(long runId, String caseId) {
        return runs.withDataOf(runId, () -> explainWithData(runId, caseId));
    }

    private Explanation explainWithData(long runId, String caseId) {
        var predictions = predictions(runId);
        int index = caseIndex(caseId, predictions.size());
        var run = runs.get(runId);
        var dataset = datasets.get(run.datasetId());
        var spec = run.spec();
        var example = testExamples(run.datasetId()).get(index);
        var network = model(runId);
        var input = Trainer.SplitData.of(List.of(example), spec.input(), spec.classes())
                .data()
                .getFeatures();
        var prediction = predictions.get(index);
        return explanation(
                runId,
                datasets.summary(run.datasetId()),
                dataset.classes(),
                network,
                input,
                example,
                prediction.caseId(),
                prediction.trueLabel(),
                prediction.probabilities());
    }

    /**
     * What the user typed or uploaded for "try a case", matching the run's kind of data: a DNA sequence, a patient's
     * values, an image, or a signal (lead by lead, as many samples as the model reads) or instead {@code
     * recordingBeat}, a beat (from 1) of the real recording shipped with DeepRounds, cut as the dataset's beats were.
     */
    public record CaseInput(
            String sequence,
            Map<String, String> values,
            String imageBase64,
            List<List<Double>> signal,
            Integer recordingBeat) {

        /** A DNA, patient or image case. */
        public CaseInput(String sequence, Map<String, String> values, String imageBase64) {
            this(sequence, values, imageBase64, null, null);
        }
    }

    /** A signal case's values lead by lead, as given (checked: numbers only). */
    private static float[][] signalOf(CaseInput input) {
        if (input.signal() == null || input.signal().isEmpty()) {
            throw new org.deeprounds.datasets.model.DatasetFormatException(
                    "No signal: give signal (one list of numbers per lead) or recordingBeat (a beat of the shipped"
                            + " recording, from 1).");
        }
        var leads = new float[input.signal().size()][];
        for (int l = 0; l < leads.length; l++) {
            var lead = input.signal().get(l);
            leads[l] = new float[lead == null ? 0 : lead.size()];
            for (int t = 0; t < leads[l].length; t++) {
                var value = lead.get(t);
                if (value == null || !Double.isFinite(value)) {
                    throw new org.deeprounds.datasets.model.DatasetFormatException(
                            "signal: lead " + (l + 1) + ", sample " + (t + 1) + " is not a number");
                }
                leads[l][t] = value.floatValue();
            }
        }
        return leads;
    }

    /**
     * The run's prediction and explanation for one case the user supplies. Bad input gets a message naming the
     * position, column or property at fault ({@link org.deeprounds.datasets.model.DatasetFormatException}).
     */
    @PreAuthorize("isAuthenticated()")
    public Explanation tryCase(long runId, CaseInput input) {
        return runs.withDataOf(runId, () -> tryCaseWithData(runId, input));
    }

    private Explanation tryCaseWithData(long runId, CaseInput input) {
        var run = runs.get(runId);
        if (run.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException(
                    "Run " + runId + " is " + run.status() + "; only a completed run can be" + " tried on a case.");
        }
        var summary = datasets.summary(run.datasetId());
        var spec = run.spec();
        float[] features = switch (summary.data()) {
            case ModalityData.Images images -> CaseEncoder.image(summary, decode(input.imageBase64()));
            case ModalityData.Dna dna -> CaseEncoder.sequence(summary, input.sequence());
            case ModalityData.Signals signals ->
                input.recordingBeat() != null
                        ? CaseEncoder.recordingBeat(summary, input.recordingBeat())
                        : CaseEncoder.signal(summary, signalOf(input));
            case ModalityData.Table table ->
                CaseEncoder.patient(summary, input.values() == null ? Map.of() : input.values());
        };
        var example = new Example(features, 0);
        var network = model(runId);
        var x = Trainer.SplitData.of(List.of(example), spec.input(), spec.classes())
                .data()
                .getFeatures();
        var output = network.output(x, false);
        var classes = summary.classes();
        var probabilities = new LinkedHashMap<String, Double>();
        for (int c = 0; c < classes.size(); c++) {
            probabilities.put(classes.get(c), output.getDouble(0, c));
        }
        return explanation(runId, summary, classes, network, x, example, "your case", null, probabilities);
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new org.deeprounds.datasets.model.DatasetFormatException("No image: upload a PNG or JPEG.");
        }
        try {
            return java.util.Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new org.deeprounds.datasets.model.DatasetFormatException("imageBase64 is not valid base64.");
        }
    }

    private Explanation explanation(
            long runId,
            org.deeprounds.datasets.model.DatasetSummary summary,
            List<String> classes,
            org.deeplearning4j.nn.multilayer.MultiLayerNetwork network,
            org.nd4j.linalg.api.ndarray.INDArray input,
            Example example,
            String caseId,
            String trueLabel,
            Map<String, Double> probabilities) {
        var run = runs.get(runId);
        var spec = run.spec();
        int cls = classes.indexOf(probabilities.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey());
        var explained = classes.get(cls);
        return switch (summary.data()) {
            case ModalityData.Images images ->
                new Explanation(
                        caseId,
                        trueLabel,
                        probabilities,
                        explained,
                        Explainer.saliency(network, input, cls, spec.classes()),
                        Explainer.occlusion(network, input, cls),
                        null,
                        null,
                        null,
                        example.features(),
                        spec.input().height(),
                        spec.input().width());
            case ModalityData.Dna dna ->
                new Explanation(
                        caseId,
                        trueLabel,
                        probabilities,
                        explained,
                        null,
                        null,
                        bases(input),
                        Explainer.mutagenesis(network, input, cls),
                        null,
                        null,
                        0,
                        0);
            case ModalityData.Signals(var signal) ->
                new Explanation(
                        caseId,
                        trueLabel,
                        probabilities,
                        explained,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        0,
                        new Explanation.OverTime(
                                CaseEncoder.signalValues(summary, example.features()),
                                signal.leads(),
                                Explainer.saliencyOverTime(network, input, cls, spec.classes(), (int)
                                        Math.max(1, Math.round(signal.samplingFrequency() * 0.02))),
                                signal.samplingFrequency(),
                                signal.windowBefore()));
            case ModalityData.Table(var table) ->
                new Explanation(
                        caseId,
                        trueLabel,
                        probabilities,
                        explained,
                        null,
                        null,
                        null,
                        null,
                        Explainer.contributions(network, input, table.featureRanges(), cls),
                        null,
                        0,
                        0);
        };
    }

    /** Permutation importance of each column on the test split (patient tables only), computed once per run. */
    @PreAuthorize("isAuthenticated()")
    public List<FeatureImportance> featureImportance(long runId) {
        return runs.withDataOf(runId, () -> featureImportanceWithData(runId));
    }

    private List<FeatureImportance> featureImportanceWithData(long runId) {
        var predictions = predictions(runId);
        var run = runs.get(runId);
        var summary = datasets.summary(run.datasetId());
        if (summary.tabular() == null) {
            throw new IllegalArgumentException("Feature importance is for patient tables; run " + runId + " trained on "
                    + run.spec().input().describe() + " inputs. Explain single cases instead.");
        }
        var file = runs.folderOf(runId).featureImportance();
        synchronized (locks.computeIfAbsent(runId, id -> new Object())) {
            try {
                if (Files.exists(file)) {
                    return json.readValue(Files.readString(file), new TypeReference<List<FeatureImportance>>() {});
                }
                var classes = datasets.get(run.datasetId()).classes();
                var examples = testExamples(run.datasetId());
                var features = Trainer.SplitData.of(
                                examples, run.spec().input(), run.spec().classes())
                        .data()
                        .getFeatures();
                var truth = examples.stream().mapToInt(Example::label).toArray();
                var positive = datasets.get(run.datasetId()).positiveClass();
                var importance = Explainer.permutation(
                        model(runId),
                        features,
                        truth,
                        summary.tabular().featureRanges(),
                        positive == null ? classes.size() - 1 : classes.indexOf(positive),
                        classes.size());
                Files.writeString(file, json.writeValueAsString(importance));
                return importance;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not compute feature importance: " + e.getMessage(), e);
            }
        }
    }

    /** The encoded test cases of a completed run, in case order ("test-1" first), for thumbnails and previews. */
    @PreAuthorize("isAuthenticated()")
    public List<float[]> caseInputs(long runId) {
        return runs.withDataOf(runId, () -> caseInputsWithData(runId));
    }

    private List<float[]> caseInputsWithData(long runId) {
        predictions(runId); // completed runs only, scored once
        return testExamples(runs.get(runId).datasetId()).stream()
                .map(Example::features)
                .toList();
    }

    static int caseIndex(String caseId, int cases) {
        try {
            if (caseId != null && caseId.startsWith("test-")) {
                int n = Integer.parseInt(caseId.substring(5));
                if (n >= 1 && n <= cases) {
                    return n - 1;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new NoSuchElementException("No test case '" + caseId + "'; cases are test-1 to test-" + cases + ".");
    }

    private static String bases(org.nd4j.linalg.api.ndarray.INDArray sequence) {
        var out = new StringBuilder();
        for (int position = 0; position < sequence.size(2); position++) {
            int base = Explainer.current(sequence, position);
            out.append(base < 0 ? 'N' : "ACGT".charAt(base));
        }
        return out.toString();
    }

    private org.deeplearning4j.nn.multilayer.MultiLayerNetwork model(long runId) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(
                    runs.folderOf(runId).model().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the model of run " + runId, e);
        }
    }

    private List<Example> testExamples(long datasetId) {
        var examples = new ArrayList<Example>();
        datasets.readTestExamples(datasetId, examples::add);
        return examples;
    }

    private List<Prediction> compute(long runId, long datasetId, org.deeprounds.models.NetworkSpec spec)
            throws IOException {
        var examples = new ArrayList<Example>();
        datasets.readTestExamples(datasetId, examples::add);
        return score(runId, datasetId, spec, examples, "test-");
    }

    /** The run's model on these examples, in batches; cases are named {@code prefix} + their 1-based position. */
    private List<Prediction> score(
            long runId, long datasetId, org.deeprounds.models.NetworkSpec spec, List<Example> examples, String prefix)
            throws IOException {
        var model = ModelSerializer.restoreMultiLayerNetwork(
                runs.folderOf(runId).model().toFile());
        var classes = datasets.get(datasetId).classes();
        var out = new ArrayList<Prediction>(examples.size());
        int batch = 256;
        for (int from = 0; from < examples.size(); from += batch) {
            var chunk = examples.subList(from, Math.min(examples.size(), from + batch));
            var data = Trainer.SplitData.of(chunk, spec.input(), spec.classes()).data();
            var output = model.output(data.getFeatures(), false);
            for (int i = 0; i < chunk.size(); i++) {
                var probabilities = new LinkedHashMap<String, Double>();
                for (int c = 0; c < classes.size(); c++) {
                    probabilities.put(classes.get(c), output.getDouble(i, c));
                }
                out.add(new Prediction(
                        prefix + (from + i + 1), classes.get(chunk.get(i).label()), probabilities));
            }
        }
        return out;
    }
}
