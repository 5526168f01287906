package org.deeprounds.training;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeprounds.models.NetworkSpec;

/**
 * Something that watches runs learn (the insight feature records layer statistics). Asked once each time a run starts
 * or resumes training, on the worker thread; training itself knows nothing about what it is for.
 */
public interface RunInstrumentation {

    /**
     * Listeners to attach to the run's network for this training session.
     *
     * @param folder the run's folder, where its artefacts live
     * @param plannedIterations the iterations (mini-batches) the run would take if it trained every epoch
     */
    List<TrainingListener> listenersFor(long runId, Path folder, NetworkSpec spec, long plannedIterations);

    /** Called when that training session has ended, however it ended. */
    default void trainingEnded(long runId, Path folder) {}
}
