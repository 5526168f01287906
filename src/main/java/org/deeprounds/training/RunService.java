package org.deeprounds.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.models.DatasetInputs;
import org.deeprounds.models.InvalidSpecException;
import org.deeprounds.models.NetworkDesigner;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training runs: a trainee submits a design for a dataset, the run waits in a fair queue, a bounded pool trains it
 * with {@link Trainer}, progress is stored epoch by epoch, and the trained model is kept under
 * {@code <data-dir>/runs/<id>/}. A run that was RUNNING when the server stopped becomes INTERRUPTED at the next start.
 */
@Service
public class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    public static final String MODEL_FILE = RunFolder.MODEL;
    /** A finished epoch's network with its optimiser state, rewritten at most once per checkpoint interval. */
    public static final String CHECKPOINT_FILE = RunFolder.CHECKPOINT;
    /** The best validation weights as of the checkpoint, written with it. */
    static final String BEST_PARAMS_FILE = RunFolder.BEST_PARAMETERS;

    /** What may change on a template without writing a whole spec. */
    public record Overrides(Integer epochs, Double learningRate, Integer batchSize, Long seed) {}

    private final TrainingRunRepository runs;
    private final DatasetService datasets;
    private final NetworkDesigner designer;
    private final TrainingSettings settings;
    private final ComputeBackend backend;
    private final DataDirectory dataDirectory;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final RunEvents events;
    private final List<RunInstrumentation> instruments;
    /** Looked up when asked: the curriculum's origins are built on this service. */
    private final org.springframework.beans.factory.ObjectProvider<RunOrigins> origins;

    private final RunWorker worker;
    private final RunQueue queue;
    private final RunHistory runHistory;
    private final org.deeprounds.base.node.NodeSettings node;
    private final RunAccess access;

    RunService(
            TrainingRunRepository runs,
            DatasetService datasets,
            NetworkDesigner designer,
            TrainingSettings settings,
            ComputeBackend backend,
            DataDirectory dataDirectory,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock,
            RunEvents events,
            List<RunInstrumentation> instruments,
            org.springframework.beans.factory.ObjectProvider<RunOrigins> origins,
            RunWorker worker,
            RunQueue queue,
            RunHistory runHistory,
            org.deeprounds.base.node.NodeSettings node,
            RunAccess access) {
        this.access = access;
        this.worker = worker;
        this.queue = queue;
        this.runHistory = runHistory;
        this.node = node;
        this.events = events;
        this.origins = origins;
        this.instruments = List.copyOf(instruments);
        this.runs = runs;
        this.datasets = datasets;
        this.designer = designer;
        this.settings = settings;
        this.backend = backend;
        this.dataDirectory = dataDirectory;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Queues a run of a template (with overrides) or of a full spec; refuses bad designs before queueing. */
    @PreAuthorize("isAuthenticated()")
    public RunInfo submit(long datasetId, String template, Overrides overrides, NetworkSpec spec) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var owner = auth.getName();
        var dataset = datasets.get(datasetId);
        var input = DatasetInputs.shapeOf(datasets.summary(datasetId));
        NetworkSpec design;
        if (spec != null) {
            // The input shape and classes come from the dataset when the spec leaves them out.
            design = spec.input() == null || spec.classes() == 0
                    ? spec.forData(input, dataset.classes().size())
                    : spec;
            if (!design.input().equals(input)
                    || design.classes() != dataset.classes().size()) {
                throw new InvalidSpecException(
                        List.of("The design expects input " + design.input().describe() + " and "
                                + design.classes() + " classes, but the dataset gives " + input.describe() + " and "
                                + dataset.classes().size() + "."));
            }
        } else {
            if (template == null || template.isBlank()) {
                throw new InvalidSpecException(List.of("Name a template or give a spec."));
            }
            try {
                design = Templates.create(template, input, dataset.classes().size());
            } catch (NoSuchElementException e) {
                throw new InvalidSpecException(List.of(e.getMessage()));
            }
            design = applyOverrides(design, overrides);
        }
        designer.validate(design);
        long queued = runs.countByOwnerAndStatus(owner, RunStatus.QUEUED);
        if (queued >= settings.maxQueuedPerUser()) {
            throw new InvalidSpecException(List.of("You already have " + queued + " runs waiting; wait for one to"
                    + " start or cancel one (at most " + settings.maxQueuedPerUser() + ")."));
        }
        var specJson = json.writeValueAsString(design);
        var run = new TrainingRun(
                owner,
                datasetId,
                dataset.sha256(),
                spec == null ? template : null,
                specJson,
                design.seed(),
                design.epochs(),
                provenance(dataset.sha256(), specJson, design),
                clock.instant());
        run.ownerAdmin(access.isAdmin());
        transactions.executeWithoutResult(status -> {
            // A delete of the dataset waits for this run to be stored and then refuses; or this waits for the delete.
            datasets.lockForNewRun(datasetId);
            runs.save(run);
        });
        clearLeftovers(run.getId());
        worker.dispatch();
        return info(runs.findById(run.getId()).orElseThrow());
    }

    static NetworkSpec applyOverrides(NetworkSpec design, Overrides overrides) {
        if (overrides == null) {
            return design;
        }
        return design.withTraining(
                overrides.learningRate() != null ? overrides.learningRate() : design.learningRate(),
                overrides.batchSize() != null ? overrides.batchSize() : design.batchSize(),
                overrides.epochs() != null ? overrides.epochs() : design.epochs(),
                overrides.seed() != null ? overrides.seed() : design.seed());
    }

    /**
     * What started each of these runs, where a feature built on training knows (a lesson step); runs missing from the
     * answer were started by their trainee directly.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> origins(java.util.Collection<Long> runIds) {
        var out = new java.util.HashMap<Long, String>();
        origins.orderedStream().forEach(o -> out.putAll(o.of(runIds)));
        return out;
    }

    /** The names of the datasets the user may see, by id: runs are labelled by their data, not a number. */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> datasetNames() {
        var out = new java.util.HashMap<Long, String>();
        datasets.list().forEach(d -> out.put(d.id(), d.name()));
        return out;
    }

    /** One run the user may see: their own; a trainee's in a cohort they teach; any for administrators. */
    @PreAuthorize("isAuthenticated()")
    public RunInfo get(long id) {
        return info(visible(id));
    }

    /**
     * The folder of a run the user may see, for views that must tell "not yours" from "no such run": an
     * {@link org.springframework.security.access.AccessDeniedException} when the run exists but the user may not see
     * it, a {@link NoSuchElementException} when there is none.
     */
    @PreAuthorize("isAuthenticated()")
    public RunFolder folderOfOrDeny(long id) {
        if (runs.existsById(id)) {
            try {
                return folderOf(id);
            } catch (NoSuchElementException e) {
                throw new org.springframework.security.access.AccessDeniedException("Run " + id + " is not yours");
            }
        }
        throw new NoSuchElementException("No run with id " + id);
    }

    /**
     * {@code work} with read access to the run's dataset, for whoever may see the run (its owner, their instructor,
     * administrators): one access rule for a run and everything derived from it, whoever owns the data.
     */
    @PreAuthorize("isAuthenticated()")
    public <T> T withDataOf(long id, java.util.function.Supplier<T> work) {
        return datasets.readingForRun(visible(id).getDatasetId(), work);
    }

    /** The folder of a run the user may see, holding its model once it has finished. */
    @PreAuthorize("isAuthenticated()")
    public RunFolder folderOf(long id) {
        return new RunFolder(runFolder(visible(id).getId()));
    }

    /** The most runs one page may hold ({@link #list}). */
    public static final int MAX_PAGE_SIZE = 500;

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "id");

    /** One page of the runs a user may see, newest first, and how many there are in all. */
    public record RunPage(List<RunInfo> runs, int page, int size, long total) {

        /** Whether a later page holds more runs. */
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /**
     * One page of the runs the user may see, newest first: a trainee's own; an instructor's own and those of the
     * trainees in the cohorts they teach; every run for administrators. The database selects them (one query for the
     * page, one for the count), so no other user's run is loaded.
     *
     * @param page 0-based
     * @param size 1 to {@value #MAX_PAGE_SIZE}
     */
    @PreAuthorize("isAuthenticated()")
    public RunPage list(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, not " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be from 1 to " + MAX_PAGE_SIZE + ", not " + size);
        }
        var request = PageRequest.of(page, size, NEWEST_FIRST);
        var found = access.page(request);
        var queue = new QueueSnapshot();
        return new RunPage(
                found.getContent().stream().map(r -> info(r, queue)).toList(), page, size, found.getTotalElements());
    }

    /** How many runs the user may see ({@link #list}'s total). */
    @PreAuthorize("isAuthenticated()")
    public long count() {
        return access.count();
    }

    /** The user's own newest run on a dataset submitted at or after {@code since}, if any. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<RunInfo> latestOwn(long datasetId, Instant since) {
        var name = SecurityContextHolder.getContext().getAuthentication().getName();
        return runs.findFirstByOwnerAndDatasetIdAndQueuedAtGreaterThanEqualOrderByIdDesc(name, datasetId, since)
                .map(this::info);
    }

    /** Stops a queued or running run (owner, their instructor, administrators). */
    @PreAuthorize("isAuthenticated()")
    public RunInfo cancel(long id) {
        var run = visible(id);
        if (run.getStatus() == RunStatus.QUEUED) {
            transactions.executeWithoutResult(status -> {
                var fresh = runs.findById(id).orElseThrow();
                if (fresh.getStatus() == RunStatus.QUEUED) {
                    fresh.finish(
                            RunStatus.CANCELLED,
                            StopReason.CANCELLED,
                            0,
                            fresh.getMetricsJson(),
                            "Cancelled before it started.",
                            clock.instant());
                }
            });
        } else if (run.getStatus() == RunStatus.RUNNING) {
            // The node training it reads this at its next heartbeat (seconds); this node stops it at once.
            transactions.executeWithoutResult(status -> runs.requestCancel(id));
            worker.cancelHere(id);
        }
        return info(runs.findById(id).orElseThrow());
    }

    /**
     * Puts an INTERRUPTED run back in the queue to go on from its last checkpoint (owner, their instructor,
     * administrators). Refused when there is no checkpoint or the dataset changed since: then only a re-run is honest.
     */
    @PreAuthorize("isAuthenticated()")
    public RunInfo resume(long id) {
        var run = visible(id);
        if (run.getStatus() != RunStatus.INTERRUPTED) {
            throw new IllegalStateException(
                    "Run " + id + " is " + run.getStatus() + "; only an interrupted run can be resumed.");
        }
        if (!Files.exists(runFolder(id).resolve(CHECKPOINT_FILE))) {
            throw new IllegalStateException("Run " + id + " stopped before its first epoch ended, so there is no"
                    + " checkpoint to resume from; run it again instead.");
        }
        var dataset = datasets.get(run.getDatasetId());
        if (!dataset.sha256().equals(run.getDatasetSha256())) {
            throw new IllegalStateException("The dataset of run " + id + " has changed since it started; run it again"
                    + " instead, so its results describe one version of the data.");
        }
        long queued = runs.countByOwnerAndStatus(run.getOwner(), RunStatus.QUEUED);
        if (queued >= settings.maxQueuedPerUser()) {
            throw new IllegalStateException(run.getOwner() + " already has " + queued + " runs waiting (at most "
                    + settings.maxQueuedPerUser() + ").");
        }
        int checkpointEpoch = new RunFolder(runFolder(id)).checkpointEpoch();
        var kept = worker.epochsUpTo(run.getMetricsJson(), checkpointEpoch);
        var name = SecurityContextHolder.getContext().getAuthentication().getName();
        boolean ownerAdmin = name.equals(run.getOwner()) && access.isAdmin();
        transactions.executeWithoutResult(status -> {
            var fresh = runs.findById(id).orElseThrow();
            fresh.requeue(clock.instant(), checkpointEpoch, kept);
            fresh.ownerAdmin(ownerAdmin);
            runHistory.record(id, null, name + " resumed it from the checkpoint of epoch " + checkpointEpoch + ".");
        });
        events.changed(id);
        worker.dispatch();
        return info(runs.findById(id).orElseThrow());
    }

    /** A new run of the same design on the same dataset, owned by the caller, from the first epoch. */
    @PreAuthorize("isAuthenticated()")
    public RunInfo rerun(long id) {
        var run = visible(id);
        var spec = json.readValue(run.getSpecJson(), NetworkSpec.class);
        return submit(run.getDatasetId(), null, null, spec);
    }

    /**
     * At start: on a lone server ({@code all}), runs left RUNNING by its previous start (their claim has lapsed) become
     * INTERRUPTED, never stuck, so the trainee sees what happened and resumes or starts them again. Queued runs wait in
     * the database and train. On {@code web} and {@code worker} nodes the training nodes' heartbeats put lapsed runs back
     * in the queue instead. Then this node starts its heartbeat and, if it trains, takes runs from the queue.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void recover() {
        if (node.role() == org.deeprounds.base.node.NodeSettings.Role.ALL) {
            var lapsed = runs.findLapsed(clock.instant());
            int interrupted = 0;
            for (long id : lapsed) {
                interrupted += transactions.execute(status -> {
                    var run = runs.findById(id).orElseThrow();
                    if (run.getStatus() != RunStatus.RUNNING) {
                        return 0;
                    }
                    run.finish(
                            RunStatus.INTERRUPTED,
                            null,
                            run.getBestEpoch(),
                            run.getMetricsJson(),
                            "The server stopped while this run was training; resume it from its last checkpoint or"
                                    + " run it again.",
                            clock.instant());
                    return 1;
                });
            }
            if (interrupted > 0) {
                log.warn("{} run(s) were running when the server stopped; marked INTERRUPTED", interrupted);
            }
        }
        worker.start();
        worker.dispatch();
    }

    /**
     * A new run's folder starts empty: files left under its number by a database that was since reset (or restored
     * from an older backup) must never pass for this run's model, checkpoint or test predictions.
     */
    private void clearLeftovers(long id) {
        var folder = runFolder(id);
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (var path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            log.warn("Run {}: removed files left in {} by an earlier database", id, folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot clear " + folder + " for the new run " + id, e);
        }
    }

    Path runFolder(long id) {
        return worker.runFolder(id);
    }

    private TrainingRun visible(long id) {
        return access.visible(id);
    }

    /** Whether the signed-in user may see runs of {@code owner}: the rule of {@link #get}, for runs found otherwise. */
    boolean callerMaySeeRunsOf(String owner) {
        return access.maySeeRunsOf(owner);
    }

    private RunInfo info(TrainingRun run) {
        return info(run, new QueueSnapshot());
    }

    /** The waiting runs, read once however many runs of a page are waiting among them. */
    private final class QueueSnapshot {
        private List<FairQueue.Waiting> waiting;

        int position(TrainingRun run) {
            if (waiting == null) {
                waiting = runs.findByStatusOrderByIdAsc(RunStatus.QUEUED).stream()
                        .map(r -> new FairQueue.Waiting(r.getId(), r.getOwner()))
                        .toList();
            }
            return FairQueue.position(run.getId(), waiting, lastStarted());
        }

        private java.util.Map<String, Instant> lastStarted;

        private java.util.Map<String, Instant> lastStarted() {
            if (lastStarted == null) {
                lastStarted = RunService.this.queue.lastStarted();
            }
            return lastStarted;
        }
    }

    private RunInfo info(TrainingRun run, QueueSnapshot queue) {
        List<EpochMetrics> history = json.readValue(run.getMetricsJson(), new TypeReference<List<EpochMetrics>>() {});
        var latest = new LinkedHashMap<String, Double>();
        if (!history.isEmpty()) {
            var last = history.getLast();
            latest.put("trainLoss", last.trainLoss());
            latest.put("validationLoss", last.validationLoss());
            if (last.validationAuc() != null) {
                latest.put("validationAuc", last.validationAuc());
            } else {
                latest.put("validationAccuracy", last.validationAccuracy());
            }
        }
        int position = run.getStatus() == RunStatus.QUEUED ? queue.position(run) : 0;
        boolean failed = run.getStatus() == RunStatus.DIVERGED
                || run.getStatus() == RunStatus.FAILED
                || run.getStatus() == RunStatus.INTERRUPTED;
        double progress = run.getStatus() == RunStatus.COMPLETED ? 1.0 : (double) run.getEpoch() / run.getEpochs();
        var kept = KeptEpoch.of(run.getStatus(), run.getBestEpoch(), history);
        return new RunInfo(
                run.getId(),
                run.getOwner(),
                run.getDatasetId(),
                run.getTemplate(),
                run.getStatus(),
                progress,
                run.getEpoch(),
                run.getEpochs(),
                run.getBestEpoch(),
                kept.epoch(),
                kept.metrics(),
                history.size(),
                kept.last(),
                run.getStopReason() == StopReason.EARLY_STOPPING,
                run.getStopReason(),
                position,
                backendName(run),
                latest,
                history.isEmpty() ? null : history.getLast(),
                failed ? run.getMessage() : null,
                run.getMessage(),
                eta(run, history),
                history,
                run.getQueuedAt(),
                run.getStartedAt(),
                run.getFinishedAt(),
                json.readValue(run.getSpecJson(), NetworkSpec.class),
                run.getNode(),
                runHistory.of(run.getId()),
                RunProvenance.read(json, run.getProvenanceJson()));
    }

    private static Long eta(TrainingRun run, List<EpochMetrics> history) {
        if (run.getStatus() != RunStatus.RUNNING || history.isEmpty()) {
            return null;
        }
        double meanMillis =
                history.stream().mapToLong(EpochMetrics::millis).average().orElse(0);
        return Math.round(meanMillis * (run.getEpochs() - run.getEpoch()) / 1000);
    }

    private String backendName(TrainingRun run) {
        return String.valueOf(
                json.readTree(run.getProvenanceJson()).path("backend").asString("CPU"));
    }

    private String provenance(String datasetSha, String specJson, NetworkSpec design) {
        var info = backend.describe();
        var provenance = new LinkedHashMap<String, Object>();
        provenance.put("dl4jVersion", info.dl4jVersion());
        provenance.put(
                "backend",
                info.backend()
                        + (info.devices().isEmpty()
                                ? ""
                                : " " + info.devices().getFirst().name()));
        provenance.put("java", Runtime.version().toString());
        provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        provenance.put("datasetSha256", datasetSha);
        provenance.put("specSha256", sha256(specJson));
        provenance.put("seed", design.seed());
        provenance.put("augmentation", ImageAugmenter.provenance(design));
        return json.writeValueAsString(provenance);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
