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
 * can replay any run, during training and after a restart. A resumed run appends to the same session.
 */
@Component
class LayerStatsRecorder implements RunInstrumentation {

    static final String WORKER = "server";

    private final StatsFiles files;
    private final InsightSettings settings;

    LayerStatsRecorder(StatsFiles files, InsightSettings settings) {
        this.files = files;
        this.settings = settings;
    }

    @Override
    public List<TrainingListener> listenersFor(long runId, Path folder, NetworkSpec spec, long plannedIterations) {
        return List.of(listener(files.pin(folder), Long.toString(runId), settings, plannedIterations));
    }

    @Override
    public void trainingEnded(long runId, Path folder) {
        files.release(folder);
    }

    static TrainingListener listener(
            StatsStorageRouter storage, String session, InsightSettings settings, long plannedIterations) {
        return new BudgetedStatsListener(
                storage, session, WORKER, settings.overheadBudget(), settings.reportEvery(plannedIterations));
    }
}
