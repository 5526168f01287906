package org.deeprounds.insight;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.training.RunInstrumentation;
import org.springframework.stereotype.Component;

/**
 * Records DL4J's statistics for every run into its own file (session id = run id), so DL4J's UI and our layer views
 * can replay any run, during training and after a restart. A resumed run appends to the same session. What is
 * recorded follows a {@link SnapshotPlan} made from the run's epochs and iterations per epoch.
 */
@Component
class LayerStatsRecorder implements RunInstrumentation {

    static final String WORKER = "server";

    private final StatsFiles files;
    private final InsightSettings settings;
    /** Each training session's writer, closed (after writing everything) when the session ends. */
    private final java.util.Map<Long, AsyncStatsRouter> writers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Worker nodes write journals (read by web nodes while they grow) instead of DL4J's single-process file store. */
    private final boolean journaled;

    private final java.util.Map<Long, StatsJournal.Writer> journals = new java.util.concurrent.ConcurrentHashMap<>();

    LayerStatsRecorder(StatsFiles files, InsightSettings settings, org.deeprounds.base.node.NodeSettings node) {
        this.files = files;
        this.settings = settings;
        this.journaled = node.role() == org.deeprounds.base.node.NodeSettings.Role.WORKER;
    }

    @Override
    public List<TrainingListener> listenersFor(long runId, Path folder, NetworkSpec spec, long plannedIterations) {
        long perEpoch = Math.max(1, plannedIterations / Math.max(1, spec.epochs()));
        StatsStorageRouter target;
        if (journaled) {
            var journal = new StatsJournal.Writer(folder);
            journals.put(runId, journal);
            target = journal;
        } else {
            target = files.pin(folder);
        }
        var router = new AsyncStatsRouter(target, Long.toString(runId));
        var previous = writers.put(runId, router);
        if (previous != null) {
            previous.close();
        }
        return List.of(listener(router, Long.toString(runId), settings.plan(spec.epochs(), perEpoch)));
    }

    @Override
    public void trainingEnded(long runId, Path folder) {
        var router = writers.remove(runId);
        if (router != null) {
            router.close();
        }
        var journal = journals.remove(runId);
        if (journal != null) {
            journal.close();
        } else {
            files.release(folder);
        }
    }

    static TrainingListener listener(StatsStorageRouter storage, String session, SnapshotPlan plan) {
        return new SnapshotStatsListener(storage, session, WORKER, plan);
    }
}
