package org.deeprounds.training;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.base.node.NodeSettings;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.models.NetworkSpec;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's part in training: on nodes that train (roles {@code all} and {@code worker}) a bounded pool claims runs
 * from the shared {@link RunQueue}, trains each with {@link Trainer}, stores its progress epoch by epoch and keeps the
 * trained model under {@code <data-dir>/runs/<id>/}. A heartbeat renews the claims it holds (its lease), reads cancels
 * pressed on other nodes, and puts back in the queue the runs of nodes that stopped renewing theirs, to go on from
 * their checkpoints. On a web node it only says it is alive.
 */
@Component
class RunWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

    private final TrainingRunRepository runs;
    private final DatasetService datasets;
    private final TrainingSettings settings;
    private final NodeSettings node;
    private final RunQueue queue;
    private final RunHistory history;
    private final ClusterNodes nodes;
    private final ComputeBackend backend;
    private final DataDirectory dataDirectory;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final RunEvents events;
    private final List<RunInstrumentation> instruments;
    private final MeterRegistry meters;
    private final RemoteRunChanges remoteChanges;
    /** This node's build, from the jar's build information, for the System page's list of nodes. */
    private final String appVersion;

    private final ExecutorService pool;
    private final ScheduledExecutorService heartbeat;
    /** Runs this node trains now, with when each was claimed. */
    private final Map<Long, Instant> running = new ConcurrentHashMap<>();
    /** Runs a user asked to stop. */
    private final Set<Long> cancelRequests = ConcurrentHashMap.newKeySet();
    /** Runs this node was training when another node took them over (its lease lapsed): nothing more is written. */
    private final Set<Long> lost = ConcurrentHashMap.newKeySet();

    private final AtomicLong queueLength = new AtomicLong();
    /** Set when the node shuts down: running jobs stop after their current step and are handed back. */
    private volatile boolean closing;

    RunWorker(
            TrainingRunRepository runs,
            DatasetService datasets,
            TrainingSettings settings,
            NodeSettings node,
            RunQueue queue,
            RunHistory history,
            ClusterNodes nodes,
            ComputeBackend backend,
            DataDirectory dataDirectory,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock,
            RunEvents events,
            List<RunInstrumentation> instruments,
            MeterRegistry meters,
            RemoteRunChanges remoteChanges,
            org.springframework.beans.factory.ObjectProvider<org.springframework.boot.info.BuildProperties> build) {
        this.remoteChanges = remoteChanges;
        var properties = build.getIfAvailable();
        this.appVersion = "DeepRounds " + (properties == null ? "(development build)" : properties.getVersion());
        this.runs = runs;
        this.datasets = datasets;
        this.settings = settings;
        this.node = node;
        this.queue = queue;
        this.history = history;
        this.nodes = nodes;
        this.backend = backend;
        this.dataDirectory = dataDirectory;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.instruments = List.copyOf(instruments);
        this.meters = meters;
        this.pool = Executors.newFixedThreadPool(Math.max(1, slots()), r -> {
            var thread = new Thread(
                    () -> {
                        WorkerPriority.lowerCurrentThread();
                        r.run();
                    },
                    "training-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("deeprounds.queue.length", queueLength, AtomicLong::get)
                .description("Runs waiting for a worker, across all nodes")
                .register(meters);
        Gauge.builder("deeprounds.runs.in.hand", running, Map::size)
                .description("Runs this node is training")
                .tag("node", node.name())
                .register(meters);
    }

    /** Runs this node trains at once: none on a web node. */
    int slots() {
        return node.role().trains() ? Math.max(1, settings.maxConcurrentJobs()) : 0;
    }

    /** Starts the heartbeat (and, on training nodes, polling the queue); called once the node has recovered. */
    void start() {
        heartbeat.scheduleWithFixedDelay(this::beat, 0, node.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        if (node.role().serves()) {
            heartbeat.scheduleWithFixedDelay(this::watchOtherNodes, 1, 1, TimeUnit.SECONDS);
        }
        if (node.role().trains()) {
            heartbeat.scheduleWithFixedDelay(
                    this::dispatchQuietly, node.poll().toMillis(), node.poll().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** On nodes with pages open, redraws runs trained elsewhere; a lone server trains them all itself. */
    private void watchOtherNodes() {
        try {
            if (node.role() == NodeSettings.Role.WEB
                    || node.role() == NodeSettings.Role.ALL && nodes.otherTrainerAlive()) {
                remoteChanges.look(running.keySet());
            }
        } catch (RuntimeException e) {
            log.debug("Could not look for runs changed on other nodes: {}", e.toString());
        }
    }

    /** Stops a run this node trains; runs on other nodes learn of it through the database at their heartbeat. */
    void cancelHere(long id) {
        if (running.containsKey(id)) {
            cancelRequests.add(id);
        }
    }

    /** Claims and starts queued runs while this node has free slots. */
    synchronized void dispatch() {
        while (!closing && running.size() < slots()) {
            var claim = queue.claim();
            if (claim.isEmpty()) {
                return;
            }
            var run = claim.get();
            var now = clock.instant();
            running.put(run.id(), now);
            Timer.builder("deeprounds.runs.wait")
                    .description("Time from queued to started")
                    .tag("node", node.name())
                    .register(meters)
                    .record(Duration.between(run.queuedAt(), now));
            events.changed(run.id());
            pool.submit(() -> execute(run.id()));
        }
    }

    private void dispatchQuietly() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.warn("Could not look for queued runs: {}", e.toString());
        }
    }

    private void beat() {
        try {
            var info = node.role().trains() ? backend.describe() : null;
            nodes.beat(
                    build(info),
                    Runtime.getRuntime().availableProcessors(),
                    info == null || info.devices().isEmpty()
                            ? null
                            : info.devices().getFirst().name(),
                    slots(),
                    running.size());
            queueLength.set(queue.length());
            if (node.role().trains() && !closing) {
                renewLeases();
                readCancels();
                takeOverLapsed();
            }
        } catch (RuntimeException e) {
            log.warn("Heartbeat of node {} failed: {}", node.name(), e.toString());
        }
    }

    private String build(ComputeBackend.Info info) {
        var app = appVersion;
        return info == null
                ? app
                : app + ", DL4J " + info.dl4jVersion() + ", " + info.backend() + " (" + info.nativeBuild() + ")";
    }

    /** Renews this node's claims; a run another node took over (this node was too slow to renew) is dropped. */
    private void renewLeases() {
        var until = clock.instant().plus(node.lease());
        for (long id : running.keySet()) {
            int renewed = transactions.execute(s -> runs.renewLease(id, node.name(), until));
            if (renewed == 0 && running.containsKey(id) && lost.add(id)) {
                log.warn(
                        "Run {} is no longer this node's ({}): another node took it over; stopping it here",
                        id,
                        node.name());
            }
        }
    }

    private void readCancels() {
        if (!running.isEmpty()) {
            cancelRequests.addAll(runs.findCancelRequested(running.keySet()));
        }
    }

    /** Runs whose node stopped renewing its claim go back in the queue, to go on from their checkpoints. */
    private void takeOverLapsed() {
        var now = clock.instant();
        for (long id : runs.findLapsed(now)) {
            if (running.containsKey(id)) {
                continue;
            }
            transactions.executeWithoutResult(s -> {
                // One node takes a lapsed run over: the first whose update finds it still lapsed.
                int mine = jdbc.update(
                        "update training_run set lease_until = ? where id = ? and status = 'RUNNING'"
                                + " and (lease_until is null or lease_until < ?)",
                        java.sql.Timestamp.from(now.plus(node.lease())),
                        id,
                        java.sql.Timestamp.from(now));
                if (mine == 1) {
                    var run = runs.findById(id).orElseThrow();
                    handBack(
                            run,
                            (run.getNode() == null ? "Its node" : run.getNode())
                                    + " stopped renewing its claim on this run (stopped or lost touch); "
                                    + node.name() + " put it back in the queue");
                }
            });
            events.changed(id);
            log.warn("Run {}: its node stopped renewing its claim; back in the queue from its checkpoint", id);
        }
    }

    /**
     * Back in the queue, from its checkpoint where it has one (from the first epoch where not), for any training node
     * to go on with; the history says why.
     */
    private void handBack(TrainingRun run, String why) {
        int checkpointEpoch = new RunFolder(runFolder(run.getId())).checkpointEpoch();
        var kept = epochsUpTo(run.getMetricsJson(), checkpointEpoch);
        var from = checkpointEpoch == 0
                ? "from the first epoch (no checkpoint yet)"
                : "from the checkpoint of epoch " + checkpointEpoch;
        run.handBack(clock.instant(), checkpointEpoch, kept, why + "; it goes on " + from + ".");
        history.record(run.getId(), node.name(), why + "; goes on " + from + ".");
    }

    /**
     * The stored epoch metrics up to {@code epoch}: what a run going on from that epoch's checkpoint keeps (checkpoints
     * are written at most once per interval, so later epochs are trained again).
     */
    String epochsUpTo(String metricsJson, int epoch) {
        List<EpochMetrics> done = json.readValue(metricsJson, new TypeReference<List<EpochMetrics>>() {});
        return json.writeValueAsString(done.subList(0, Math.min(done.size(), epoch)));
    }

    private void execute(long id) {
        var run = runs.findById(id).orElseThrow();
        boolean instrumentsEnded = false;
        String outcome = "FAILED";
        try {
            var spec = json.readValue(run.getSpecJson(), NetworkSpec.class);
            var train = load(run, Split.TRAIN, spec);
            var validation = load(run, Split.VALIDATION, spec);
            var start = startOf(run, spec);
            long planned = (long) spec.epochs() * ((train.size() + spec.batchSize() - 1) / spec.batchSize());
            var listeners = new ArrayList<org.deeplearning4j.optimize.api.TrainingListener>();
            for (var instrument : instruments) {
                listeners.addAll(instrument.listenersFor(id, runFolder(id), spec, planned));
            }
            start.network().setListeners(listeners);
            var epochs = new ArrayList<>(start.done());
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
                                    epochs.add(metrics);
                                    var text = json.writeValueAsString(epochs);
                                    update(id, r -> r.progress(metrics.epoch(), text));
                                    events.changed(id);
                                }

                                @Override
                                public boolean cancelRequested() {
                                    return closing || cancelRequests.contains(id) || lost.contains(id);
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
                                    if (lost.contains(id)
                                            || lastCheckpoint != null
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
            if (lost.contains(id)) {
                outcome = "LOST";
                return;
            }
            if (closing && !cancelRequests.contains(id)) {
                outcome = "HANDED_BACK";
                stopAtShutdown(id, result);
                return;
            }
            saveModel(id, result);
            var status = switch (result.outcome()) {
                case COMPLETED, TIME_LIMIT -> RunStatus.COMPLETED;
                case CANCELLED -> RunStatus.CANCELLED;
                case DIVERGED -> RunStatus.DIVERGED;
            };
            outcome = status.name();
            finish(
                    id,
                    status,
                    StopReason.of(result.outcome(), result.epochs().size(), spec.epochs()),
                    result.bestEpoch(),
                    json.writeValueAsString(result.epochs()),
                    result.message());
        } catch (RuntimeException | IOException e) {
            log.error("Run {} failed", id, e);
            if (!lost.contains(id)) {
                finish(
                        id,
                        RunStatus.FAILED,
                        null,
                        0,
                        runs.findById(id).orElseThrow().getMetricsJson(),
                        "Training failed: " + e.getMessage());
            }
        } finally {
            if (!instrumentsEnded) {
                endInstruments(id);
            }
            var claimed = running.remove(id);
            if (claimed != null) {
                Timer.builder("deeprounds.runs.duration")
                        .description("Time a node spent on a run, from its claim to its end")
                        .tag("node", node.name())
                        .tag("outcome", outcome)
                        .register(meters)
                        .record(Duration.between(claimed, clock.instant()));
            }
            cancelRequests.remove(id);
            lost.remove(id);
            if (!closing) {
                dispatchQuietly();
            }
        }
    }

    /**
     * The node is shutting down in the middle of a run: a worker (or any node with another trainer alive) hands it back
     * to the queue to go on elsewhere from its checkpoint; a lone server marks it INTERRUPTED for its trainee to resume.
     */
    private void stopAtShutdown(long id, TrainingResult result) {
        boolean handBack = node.role() == NodeSettings.Role.WORKER || nodes.otherTrainerAlive();
        if (!handBack) {
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
        var metrics = json.writeValueAsString(result.epochs());
        transactions.executeWithoutResult(s -> {
            var run = runs.findById(id).orElseThrow();
            if (isMine(run)) {
                run.progress(result.epochs().size(), metrics);
                handBack(run, node.name() + " shut down and handed this run back");
            }
        });
        events.changed(id);
    }

    private boolean isMine(TrainingRun run) {
        return run.getStatus() == RunStatus.RUNNING && node.name().equals(run.getNode());
    }

    /** Changes the run's row if this node still holds it; else the run was taken over and this node lets go. */
    private void update(long id, java.util.function.Consumer<TrainingRun> change) {
        boolean mine = Boolean.TRUE.equals(transactions.execute(s -> {
            var run = runs.findById(id).orElseThrow();
            if (!isMine(run)) {
                return false;
            }
            change.accept(run);
            return true;
        }));
        if (!mine && lost.add(id)) {
            log.warn("Run {} was taken over by another node; {} stops training it", id, node.name());
        }
    }

    private void finish(long id, RunStatus status, StopReason reason, int bestEpoch, String metrics, String message) {
        update(id, r -> r.finish(status, reason, bestEpoch, metrics, message, clock.instant()));
        events.changed(id);
    }

    /** Worker threads have no signed-in user: read as the run's owner, who was checked at submission. */
    private Trainer.SplitData load(TrainingRun run, Split split, NetworkSpec spec) {
        var examples = new ArrayList<Example>();
        datasets.readExamplesFor(run.getOwner(), run.isOwnerAdmin(), run.getDatasetId(), split, examples::add);
        return Trainer.SplitData.of(examples, spec.input(), spec.classes());
    }

    private void saveModel(long id, TrainingResult result) throws IOException {
        var folder = Files.createDirectories(runFolder(id));
        // Beside its name first, so a reader on another node never opens half a model.
        var partial = folder.resolve(RunService.MODEL_FILE + ".tmp");
        ModelSerializer.writeModel(result.model(), partial.toFile(), true);
        Files.move(
                partial,
                folder.resolve(RunService.MODEL_FILE),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes each file beside its final name and renames it into place, so that a server killed mid-write leaves the
     * previous checkpoint whole.
     */
    private void saveCheckpoint(long id, Trainer.Checkpoint checkpoint) {
        try {
            var folder = Files.createDirectories(runFolder(id));
            var model = folder.resolve(RunService.CHECKPOINT_FILE + ".tmp");
            ModelSerializer.writeModel(checkpoint.network(), model.toFile(), true);
            // The best weights go with every checkpoint, so the two always describe the same moment.
            var best = folder.resolve(RunService.BEST_PARAMS_FILE + ".tmp");
            Nd4j.saveBinary(checkpoint.bestParams(), best.toFile());
            Files.move(
                    best,
                    folder.resolve(RunService.BEST_PARAMS_FILE),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(
                    model,
                    folder.resolve(RunService.CHECKPOINT_FILE),
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
        var checkpoint = folder.resolve(RunService.CHECKPOINT_FILE);
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
        var bestFile = folder.resolve(RunService.BEST_PARAMS_FILE);
        var bestParams = Files.exists(bestFile)
                ? Nd4j.readBinary(bestFile.toFile())
                : network.params().dup();
        return new Trainer.Start(network, done, bestEpoch, bestParams);
    }

    Path runFolder(long id) {
        return dataDirectory.resolve("runs").resolve(Long.toString(id));
    }

    /**
     * On shutdown running jobs stop after their current step and are handed back (or marked INTERRUPTED on a lone
     * server), keeping their last checkpoint; the node leaves the list of nodes.
     */
    @Override
    public void close() {
        closing = true;
        heartbeat.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            nodes.leave();
        } catch (RuntimeException e) {
            log.debug("Node {} could not leave the list: {}", node.name(), e.toString());
        }
    }
}
