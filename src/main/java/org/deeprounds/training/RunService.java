package org.deeprounds.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.Example;
import org.deeprounds.datasets.Split;
import org.deeprounds.models.DatasetInputs;
import org.deeprounds.models.InvalidSpecException;
import org.deeprounds.models.NetworkDesigner;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.nd4j.linalg.factory.Nd4j;
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
public class RunService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    public static final String MODEL_FILE = "model.zip";
    /** A finished epoch's network with its optimiser state, rewritten at most once per checkpoint interval. */
    public static final String CHECKPOINT_FILE = "checkpoint.zip";
    /** The best validation weights as of the checkpoint, written with it. */
    static final String BEST_PARAMS_FILE = "best-params.bin";

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

    private final ExecutorService workers;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Set<Long> cancelRequests = ConcurrentHashMap.newKeySet();
    /** Runs submitted by this server process, and whether their owner is an administrator. */
    private final Map<Long, Boolean> submitters = new ConcurrentHashMap<>();

    private final Map<String, Instant> lastStarted = new ConcurrentHashMap<>();
    /** Set when the server shuts down: running jobs stop after their current step and wait to be resumed. */
    private volatile boolean closing;

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
            org.springframework.beans.factory.ObjectProvider<RunOrigins> origins) {
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
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.maxConcurrentJobs()), r -> {
            var thread = new Thread(
                    () -> {
                        WorkerPriority.lowerCurrentThread();
                        r.run();
                    },
                    "training-worker");
            thread.setDaemon(true);
            return thread;
        });
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
        transactions.executeWithoutResult(status -> {
            // A delete of the dataset waits for this run to be stored and then refuses; or this waits for the delete.
            datasets.lockForNewRun(datasetId);
            runs.save(run);
        });
        clearLeftovers(run.getId());
        submitters.put(run.getId(), hasRole(AppRoles.ADMIN));
        dispatch();
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
    public Path folderOfOrDeny(long id) {
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

    /** The folder of a run the user may see, holding {@link #MODEL_FILE} once it has finished. */
    @PreAuthorize("isAuthenticated()")
    public Path folderOf(long id) {
        return runFolder(visible(id).getId());
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
        var name = SecurityContextHolder.getContext().getAuthentication().getName();
        var found = hasRole(AppRoles.ADMIN)
                ? runs.findAll(request)
                : hasRole(AppRoles.INSTRUCTOR)
                        ? runs.findVisibleToInstructor(name, request)
                        : runs.findByOwner(name, request);
        var queue = new QueueSnapshot();
        return new RunPage(
                found.getContent().stream().map(r -> info(r, queue)).toList(), page, size, found.getTotalElements());
    }

    /** How many runs the user may see ({@link #list}'s total). */
    @PreAuthorize("isAuthenticated()")
    public long count() {
        var name = SecurityContextHolder.getContext().getAuthentication().getName();
        return hasRole(AppRoles.ADMIN)
                ? runs.count()
                : hasRole(AppRoles.INSTRUCTOR) ? runs.countVisibleToInstructor(name) : runs.countByOwner(name);
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
            cancelRequests.add(id);
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
        int checkpointEpoch = checkpointEpoch(runFolder(id).resolve(CHECKPOINT_FILE));
        List<EpochMetrics> done = json.readValue(run.getMetricsJson(), new TypeReference<List<EpochMetrics>>() {});
        var kept = json.writeValueAsString(done.subList(0, Math.min(done.size(), checkpointEpoch)));
        var name = SecurityContextHolder.getContext().getAuthentication().getName();
        submitters.put(id, name.equals(run.getOwner()) && hasRole(AppRoles.ADMIN));
        transactions.executeWithoutResult(
                status -> runs.findById(id).orElseThrow().requeue(clock.instant(), checkpointEpoch, kept));
        events.changed(id);
        dispatch();
        return info(runs.findById(id).orElseThrow());
    }

    /** The epochs a checkpoint holds, read from its configuration alone (the weights are not loaded). */
    private static int checkpointEpoch(Path checkpoint) {
        try (var zip = new java.util.zip.ZipFile(checkpoint.toFile())) {
            var entry = zip.getEntry("configuration.json");
            if (entry == null) {
                throw new IllegalStateException(
                        "The checkpoint " + checkpoint.getFileName() + " holds no configuration");
            }
            try (var in = zip.getInputStream(entry)) {
                return org.deeplearning4j.nn.conf.MultiLayerConfiguration.fromJson(
                                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .getEpochCount();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the checkpoint: " + e.getMessage(), e);
        }
    }

    /** A new run of the same design on the same dataset, owned by the caller, from the first epoch. */
    @PreAuthorize("isAuthenticated()")
    public RunInfo rerun(long id) {
        var run = visible(id);
        var spec = json.readValue(run.getSpecJson(), NetworkSpec.class);
        return submit(run.getDatasetId(), null, null, spec);
    }

    /**
     * At start: runs that were running or waiting when the server stopped become INTERRUPTED (never stuck), so the
     * trainee sees what happened and starts them again.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void recover() {
        int interrupted = transactions.execute(status -> runs.markAll(
                        RunStatus.RUNNING,
                        RunStatus.INTERRUPTED,
                        "The server stopped while this run was training; resume it from its last checkpoint or"
                                + " run it again.")
                + runs.markAll(
                        RunStatus.QUEUED,
                        RunStatus.INTERRUPTED,
                        "The server restarted before this run started; start it again."));
        if (interrupted > 0) {
            log.warn("{} run(s) were running when the server stopped; marked INTERRUPTED", interrupted);
        }
        dispatch();
    }

    /** Starts queued runs while workers are free, fairly across trainees. */
    synchronized void dispatch() {
        while (!closing && running.size() < settings.maxConcurrentJobs()) {
            var queued = runs.findByStatusOrderByIdAsc(RunStatus.QUEUED).stream()
                    .filter(r -> submitters.containsKey(r.getId()))
                    .map(r -> new FairQueue.Waiting(r.getId(), r.getOwner()))
                    .toList();
            var busyOwners = runs.findByStatusOrderByIdAsc(RunStatus.RUNNING).stream()
                    .map(TrainingRun::getOwner)
                    .collect(java.util.stream.Collectors.toSet());
            var next = FairQueue.next(queued, busyOwners, lastStarted);
            if (next.isEmpty()) {
                return;
            }
            long id = next.get().id();
            running.add(id);
            lastStarted.put(next.get().owner(), clock.instant());
            transactions.executeWithoutResult(
                    status -> runs.findById(id).orElseThrow().start(clock.instant()));
            events.changed(id);
            workers.submit(() -> execute(id));
        }
    }

    private void execute(long id) {
        var run = runs.findById(id).orElseThrow();
        boolean instrumentsEnded = false;
        try {
            var spec = json.readValue(run.getSpecJson(), NetworkSpec.class);
            boolean admin = submitters.getOrDefault(id, false);
            var train = load(run, admin, Split.TRAIN, spec);
            var validation = load(run, admin, Split.VALIDATION, spec);
            var start = startOf(run, spec);
            long planned = (long) spec.epochs() * ((train.size() + spec.batchSize() - 1) / spec.batchSize());
            var listeners = new ArrayList<org.deeplearning4j.optimize.api.TrainingListener>();
            for (var instrument : instruments) {
                listeners.addAll(instrument.listenersFor(id, runFolder(id), spec, planned));
            }
            start.network().setListeners(listeners);
            var history = new ArrayList<>(start.done());
            var result = new Trainer(clock)
                    .train(
                            spec,
                            start,
                            train,
                            validation,
                            settings.maxWallTime(),
                            settings.patience(),
                            new Trainer.Progress() {
                                @Override
                                public void epochEnded(EpochMetrics metrics) {
                                    history.add(metrics);
                                    var text = json.writeValueAsString(history);
                                    transactions.executeWithoutResult(
                                            s -> runs.findById(id).orElseThrow().progress(metrics.epoch(), text));
                                    events.changed(id);
                                }

                                @Override
                                public boolean cancelRequested() {
                                    return closing || cancelRequests.contains(id);
                                }

                                /** When the last checkpoint was written (System.nanoTime); none yet. */
                                private Long lastCheckpoint;

                                /**
                                 * The first epoch, then at most once per checkpoint interval: writing one costs about
                                 * 160 ms for the imaging template, too much to pay after every one-second epoch.
                                 */
                                @Override
                                public void checkpoint(Trainer.Checkpoint checkpoint) {
                                    long now = System.nanoTime();
                                    if (lastCheckpoint != null
                                            && now - lastCheckpoint
                                                    < settings.checkpointInterval()
                                                            .toNanos()) {
                                        return;
                                    }
                                    saveCheckpoint(id, checkpoint);
                                    lastCheckpoint = now;
                                }
                            });
            // Before the run shows as finished, so whoever reads its statistics then finds them complete.
            instrumentsEnded = true;
            endInstruments(id);
            if (closing && !cancelRequests.contains(id)) {
                finish(
                        id,
                        RunStatus.INTERRUPTED,
                        null,
                        result.bestEpoch(),
                        json.writeValueAsString(result.epochs()),
                        "The server was shut down during epoch "
                                + (result.epochs().size() + 1)
                                + "; resume it from its last checkpoint or run it again.");
                return;
            }
            saveModel(id, result);
            var status = switch (result.outcome()) {
                case COMPLETED, TIME_LIMIT -> RunStatus.COMPLETED;
                case CANCELLED -> RunStatus.CANCELLED;
                case DIVERGED -> RunStatus.DIVERGED;
            };
            finish(
                    id,
                    status,
                    StopReason.of(result.outcome(), result.epochs().size(), spec.epochs()),
                    result.bestEpoch(),
                    json.writeValueAsString(result.epochs()),
                    result.message());
        } catch (RuntimeException | IOException e) {
            log.error("Run {} failed", id, e);
            finish(
                    id,
                    RunStatus.FAILED,
                    null,
                    0,
                    runs.findById(id).orElseThrow().getMetricsJson(),
                    "Training failed: " + e.getMessage());
        } finally {
            if (!instrumentsEnded) {
                endInstruments(id);
            }
            running.remove(id);
            cancelRequests.remove(id);
            submitters.remove(id);
            if (!closing) {
                dispatch();
            }
        }
    }

    /** Worker threads have no signed-in user: read as the run's owner, who was checked at submission. */
    private Trainer.SplitData load(TrainingRun run, boolean ownerIsAdmin, Split split, NetworkSpec spec) {
        var examples = new ArrayList<Example>();
        datasets.readExamplesFor(run.getOwner(), ownerIsAdmin, run.getDatasetId(), split, examples::add);
        return Trainer.SplitData.of(examples, spec.input(), spec.classes());
    }

    private void saveModel(long id, TrainingResult result) throws IOException {
        var folder = Files.createDirectories(runFolder(id));
        ModelSerializer.writeModel(result.model(), folder.resolve(MODEL_FILE).toFile(), true);
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

    /**
     * Writes each file beside its final name and renames it into place, so that a server killed mid-write leaves the
     * previous checkpoint whole.
     */
    private void saveCheckpoint(long id, Trainer.Checkpoint checkpoint) {
        try {
            var folder = Files.createDirectories(runFolder(id));
            var model = folder.resolve(CHECKPOINT_FILE + ".tmp");
            ModelSerializer.writeModel(checkpoint.network(), model.toFile(), true);
            // The best weights go with every checkpoint, so the two always describe the same moment.
            var best = folder.resolve(BEST_PARAMS_FILE + ".tmp");
            Nd4j.saveBinary(checkpoint.bestParams(), best.toFile());
            Files.move(
                    best,
                    folder.resolve(BEST_PARAMS_FILE),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(
                    model,
                    folder.resolve(CHECKPOINT_FILE),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Training goes on; only resuming after a crash would start from an older checkpoint.
            log.warn("Run {}: could not write the checkpoint of epoch {}", id, checkpoint.epoch(), e);
        }
    }

    private void endInstruments(long id) {
        for (var instrument : instruments) {
            try {
                instrument.trainingEnded(id, runFolder(id));
            } catch (RuntimeException e) {
                log.warn("Run {}: {} failed after training: {}", id, instrument, e.getMessage());
            }
        }
    }

    /** A fresh start, or the checkpoint of an interrupted run that was resumed, with the epochs it had done. */
    private Trainer.Start startOf(TrainingRun run, NetworkSpec spec) throws IOException {
        var folder = runFolder(run.getId());
        var checkpoint = folder.resolve(CHECKPOINT_FILE);
        List<EpochMetrics> done = json.readValue(run.getMetricsJson(), new TypeReference<List<EpochMetrics>>() {});
        if (done.isEmpty() || !Files.exists(checkpoint)) {
            return Trainer.Start.fresh(spec);
        }
        var network = ModelSerializer.restoreMultiLayerNetwork(checkpoint.toFile(), true);
        // The checkpoint is written after the database row, so it may be one epoch behind: trust the file.
        int epochs = (int) Math.min(done.size(), network.getEpochCount());
        done = List.copyOf(done.subList(0, epochs));
        int bestEpoch = 0;
        for (int i = 0; i < done.size(); i++) {
            if (bestEpoch == 0
                    || done.get(i).validationLoss() < done.get(bestEpoch - 1).validationLoss()) {
                bestEpoch = i + 1;
            }
        }
        var bestFile = folder.resolve(BEST_PARAMS_FILE);
        var bestParams = Files.exists(bestFile)
                ? Nd4j.readBinary(bestFile.toFile())
                : network.params().dup();
        return new Trainer.Start(network, done, bestEpoch, bestParams);
    }

    Path runFolder(long id) {
        return dataDirectory.resolve("runs").resolve(Long.toString(id));
    }

    private void finish(long id, RunStatus status, StopReason reason, int bestEpoch, String metrics, String message) {
        transactions.executeWithoutResult(s ->
                runs.findById(id).orElseThrow().finish(status, reason, bestEpoch, metrics, message, clock.instant()));
        events.changed(id);
    }

    private TrainingRun visible(long id) {
        var name = SecurityContextHolder.getContext().getAuthentication().getName();
        return runs.findById(id)
                .filter(r -> hasRole(AppRoles.ADMIN)
                        || r.getOwner().equals(name)
                        || (hasRole(AppRoles.INSTRUCTOR) && runs.isVisibleToInstructor(id, name)))
                .orElseThrow(() -> new NoSuchElementException("No run with id " + id));
    }

    /** Whether the signed-in user may see runs of {@code owner}: the rule of {@link #get}, for runs found otherwise. */
    boolean callerMaySeeRunsOf(String owner) {
        var name = SecurityContextHolder.getContext().getAuthentication().getName();
        return hasRole(AppRoles.ADMIN)
                || owner.equals(name)
                || (hasRole(AppRoles.INSTRUCTOR) && runs.isTraineeTaughtBy(owner, name));
    }

    private static boolean hasRole(String role) {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(AppRoles.authority(role)));
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
            return FairQueue.position(run.getId(), waiting, lastStarted);
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
                json.readValue(run.getSpecJson(), NetworkSpec.class));
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

    /**
     * On shutdown running jobs stop after their current step and are marked INTERRUPTED, keeping their last
     * checkpoint; queued runs stay queued and become INTERRUPTED at the next start.
     */
    @Override
    public void close() {
        closing = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
